package org.leadmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.host.UserInfo;

class HostPortsTest {
    private static final TenantId T = TenantId.of("t");
    private static final ContactId C = ContactId.of("c");

    /** A directory whose every answer is the given one. */
    private static ContactDirectory answering(Optional<ContactCard> card, Map<ContactId, ContactCard> cards,
            List<ContactId> members) {
        return new ContactDirectory() {
            @Override
            public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
                return card;
            }

            @Override
            public Map<ContactId, ContactCard> findAll(TenantId tenant, java.util.Collection<ContactId> contacts) {
                return cards;
            }

            @Override
            public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
                return members;
            }
        };
    }

    @Test
    void nullAnswersNameThePortAndMethod() {
        ContactDirectory guarded = HostPorts.guard(answering(null, null, null));
        HostPortException find = assertThrows(HostPortException.class, () -> guarded.find(T, C));
        assertEquals("ContactDirectory", find.port());
        assertEquals("find", find.method());
        assertNull(find.getCause());
        assertEquals("findAll", assertThrows(HostPortException.class,
                () -> guarded.findAll(T, List.of(C))).method());
        assertEquals("groupMembers", assertThrows(HostPortException.class,
                () -> guarded.groupMembers(T, ContactGroupId.of("g"), null, 10)).method());
    }

    @Test
    void nullCardsAndMembersInsideAnAnswerAreBroken() {
        Map<ContactId, ContactCard> withNull = new HashMap<>();
        withNull.put(C, null);
        ContactDirectory guarded = HostPorts.guard(answering(Optional.empty(), withNull, Arrays.asList(C, null)));
        HostPortException cards = assertThrows(HostPortException.class, () -> guarded.findAll(T, List.of(C)));
        assertEquals("ContactDirectory.findAll returned a null card for contact c", cards.getMessage());
        assertThrows(HostPortException.class, () -> guarded.groupMembers(T, ContactGroupId.of("g"), null, 10));
    }

    @Test
    void usersAskedManyAtOnceAreCheckedLikeCards() {
        UserId known = UserId.of("anna");
        UserInfo anna = new UserInfo(known, "Anna", true, java.time.ZoneOffset.UTC);
        Map<UserId, UserInfo> withNull = new HashMap<>();
        withNull.put(known, anna);
        withNull.put(UserId.of("gone"), null);
        UserDirectory answeringNull = new UserDirectory() {
            @Override
            public Optional<UserInfo> find(TenantId tenant, UserId user) {
                return Optional.empty();
            }

            @Override
            public Map<UserId, UserInfo> findUsers(TenantId tenant, java.util.Collection<UserId> users) {
                return withNull;
            }
        };
        HostPortException broken = assertThrows(HostPortException.class,
                () -> HostPorts.guard(answeringNull).findUsers(T, List.of(known)));
        assertEquals("UserDirectory.findUsers returned a null user info for user gone", broken.getMessage());

        UserDirectory byFind = (tenant, user) -> user.equals(known) ? Optional.of(anna) : Optional.empty();
        assertEquals(Map.of(known, anna), HostPorts.guard(byFind).findUsers(T, List.of(known, UserId.of("x"))),
                "the default asks find for each and leaves out the unknown");
    }

    @Test
    void aThrowingPortIsWrappedWithTheHostsExceptionAsCause() {
        IllegalStateException hostFailure = new IllegalStateException("directory down");
        UserDirectory users = (tenant, user) -> {
            throw hostFailure;
        };
        UserDirectory guarded = HostPorts.guard(users);
        HostPortException e = assertThrows(HostPortException.class, () -> guarded.isActive(T, UserId.of("u")));
        assertSame(hostFailure, e.getCause());
        assertEquals("UserDirectory", e.port());
        assertEquals("isActive", e.method());
        AccessPolicy policy = new AccessPolicy() {
            @Override
            public boolean canConfigure(Actor actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean canView(Actor actor, Project project) {
                return true;
            }

            @Override
            public boolean canChange(Actor actor, Project project, Lead lead) {
                return true;
            }
        };
        assertEquals("canConfigure", assertThrows(HostPortException.class,
                () -> HostPorts.guard(policy).canConfigure(Actor.system(T))).method());
    }

    @Test
    void goodAnswersPassUnchanged() {
        ContactCard card = ContactCard.named("Petra");
        ContactDirectory guarded = HostPorts.guard(answering(Optional.of(card), Map.of(C, card), List.of(C)));
        assertEquals(Optional.of(card), guarded.find(T, C));
        assertEquals(Map.of(C, card), guarded.findAll(T, List.of(C)));
        assertEquals(List.of(C), guarded.groupMembers(T, ContactGroupId.of("g"), null, 10));
        UserInfo info = new UserInfo(UserId.of("u"), "U", true, java.time.ZoneOffset.UTC);
        UserDirectory users = HostPorts.guard((tenant, user) -> Optional.of(info));
        assertEquals(Optional.of(info), users.find(T, UserId.of("u")));
    }
}
