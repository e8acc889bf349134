package org.leadmanager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.leadmanager.error.HostPortException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.host.AccessPolicy;
import org.leadmanager.spi.host.Availability;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.host.UserInfo;

/**
 * The host's ports as the services see them: whatever a port throws becomes a {@link HostPortException} naming the
 * port and method with the host's exception as cause, and an answer that breaks the port's contract (null where a
 * value is promised) becomes one too. So the services never meet a host's exception type or a null they did not
 * expect, and the API's callers meet only the library's exceptions.
 */
final class HostPorts {

    private HostPorts() {
    }

    static ContactDirectory guard(ContactDirectory host) {
        return new ContactDirectory() {
            @Override
            public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
                return present(call(() -> host.find(tenant, contact), "ContactDirectory", "find"),
                        "ContactDirectory", "find", "an Optional");
            }

            @Override
            public Map<ContactId, ContactCard> findAll(TenantId tenant, Collection<ContactId> contacts) {
                return copyOf(present(call(() -> host.findAll(tenant, contacts), "ContactDirectory", "findAll"),
                        "ContactDirectory", "findAll", "a map"), "ContactDirectory", "findAll", "contact id",
                        "card for contact");
            }

            @Override
            public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
                List<ContactId> answer = present(call(() -> host.groupMembers(tenant, group, after, limit),
                        "ContactDirectory", "groupMembers"), "ContactDirectory", "groupMembers", "a list");
                List<ContactId> page = call(() -> new java.util.ArrayList<>(answer), "ContactDirectory",
                        "groupMembers");
                ContactId previous = after;
                for (ContactId member : page) {
                    if (member == null) {
                        throw broken("ContactDirectory", "groupMembers", "returned a null contact id");
                    }
                    // ascending and after 'after', or paging through the group would never end
                    if (previous != null && member.compareTo(previous) <= 0) {
                        throw broken("ContactDirectory", "groupMembers", "returned " + member + " after " + previous
                                + ": members must come in ascending id order, after the position asked for");
                    }
                    previous = member;
                }
                if (page.size() > limit) {
                    throw broken("ContactDirectory", "groupMembers", "returned " + page.size()
                            + " members where at most " + limit + " were asked for");
                }
                return page;
            }
        };
    }

    static UserDirectory guard(UserDirectory host) {
        return new UserDirectory() {
            @Override
            public Optional<UserInfo> find(TenantId tenant, UserId user) {
                return present(call(() -> host.find(tenant, user), "UserDirectory", "find"), "UserDirectory",
                        "find", "an Optional");
            }

            @Override
            public Map<UserId, UserInfo> findUsers(TenantId tenant, Collection<UserId> users) {
                return copyOf(present(call(() -> host.findUsers(tenant, users), "UserDirectory", "findUsers"),
                        "UserDirectory", "findUsers", "a map"), "UserDirectory", "findUsers", "user id",
                        "user info for user");
            }

            @Override
            public Map<UserId, Availability> availability(TenantId tenant, Collection<UserId> users) {
                return copyOf(present(call(() -> host.availability(tenant, users), "UserDirectory",
                        "availability"), "UserDirectory", "availability", "a map"), "UserDirectory", "availability",
                        "user id", "availability of user");
            }

            @Override
            public boolean isActive(TenantId tenant, UserId user) {
                return call(() -> host.isActive(tenant, user), "UserDirectory", "isActive");
            }
        };
    }

    static AccessPolicy guard(AccessPolicy host) {
        return new AccessPolicy() {
            @Override
            public boolean canConfigure(Actor actor) {
                return call(() -> host.canConfigure(actor), "AccessPolicy", "canConfigure");
            }

            @Override
            public boolean canView(Actor actor, Project project) {
                return call(() -> host.canView(actor, project), "AccessPolicy", "canView");
            }

            @Override
            public boolean canChange(Actor actor, Project project, Lead lead) {
                return call(() -> host.canChange(actor, project, lead), "AccessPolicy", "canChange");
            }
        };
    }

    /**
     * A host's answer of many at once as the library reads it: a copy (a host's lazy map is read once, here, under
     * the guard), without null keys or values.
     */
    private static <K, V> Map<K, V> copyOf(Map<K, V> answer, String port, String method, String key,
            String value) {
        Map<K, V> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<K, V> entry : entries(answer, port, method)) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw broken(port, method, "returned a null "
                        + (entry.getKey() == null ? key : value + " " + entry.getKey()));
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return copy;
    }

    private static <T> T call(Supplier<T> call, String port, String method) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new HostPortException(port, method, "threw " + describe(e), e);
        }
    }

    /** The exception's class and message; its class alone when the message cannot be read. */
    private static String describe(RuntimeException e) {
        try {
            String message = e.getMessage();
            return e.getClass().getName() + (message == null ? "" : ": " + message);
        } catch (RuntimeException unreadable) {
            return e.getClass().getName();
        }
    }

    private static <T> T present(T answer, String port, String method, String promised) {
        if (answer == null) {
            throw broken(port, method, "returned null instead of " + promised);
        }
        return answer;
    }

    private static <K, V> Collection<Map.Entry<K, V>> entries(Map<K, V> map, String port, String method) {
        return call(() -> List.copyOf(map.entrySet()), port, method);
    }

    private static HostPortException broken(String port, String method, String what) {
        return new HostPortException(port, method, what, null);
    }
}
