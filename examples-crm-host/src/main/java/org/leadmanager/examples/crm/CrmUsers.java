package org.leadmanager.examples.crm;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.Role;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;

/**
 * The CRM's users who may sign in: Anna manages the leads, Ben is an agent in Anna's team. The lead manager learns
 * who calls from the {@link Actor} the CRM builds for the signed-in user; its access policy does the rest.
 */
public final class CrmUsers {
    /** The only tenant of this CRM. */
    public static final TenantId TENANT = TenantId.of("acme");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /**
     * A user of the CRM.
     *
     * @param id   the user's key, as the lead manager knows it
     * @param name the display name
     * @param role manager or agent
     * @param zone the time zone "due today" is counted in
     */
    public record CrmUser(UserId id, String name, Role role, ZoneId zone) {

        /** The caller the lead manager sees when this user works. */
        public Actor actor() {
            return new Actor(TENANT, id, Set.of(role));
        }

        /** Whether this user manages the leads (and so sees every user's overview). */
        public boolean manager() {
            return role == Role.MANAGER;
        }
    }

    static final CrmUser ANNA = new CrmUser(UserId.of("anna"), "Anna Schmidt", Role.MANAGER, BERLIN);
    static final CrmUser BEN = new CrmUser(UserId.of("ben"), "Ben Weber", Role.AGENT, BERLIN);

    private static final List<CrmUser> ALL = List.of(ANNA, BEN);

    private CrmUsers() {
    }

    /** Everyone who may sign in, in the order the sign-in page lists them. */
    public static List<CrmUser> all() {
        return ALL;
    }

    /** The user with this key, if there is one. */
    public static Optional<CrmUser> find(String id) {
        return ALL.stream().filter(u -> u.id().value().equals(id)).findFirst();
    }
}
