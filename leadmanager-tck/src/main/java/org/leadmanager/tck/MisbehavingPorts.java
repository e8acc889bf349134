package org.leadmanager.tck;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.Availability;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.host.UserInfo;

/**
 * Host directories that break their contract on purpose for chosen contacts and users, answering like the fixture's
 * fakes otherwise. Thread-safe.
 */
public final class MisbehavingPorts {

    /** How a port misbehaves. */
    public enum Fault {
        /** Throws the host's own runtime exception, {@link HostFailure}. */
        THROWS,
        /** Returns null where an {@code Optional}, map or list is promised. */
        RETURNS_NULL,
        /** Returns a map or list holding null where a card or id is promised. */
        RETURNS_NULL_ELEMENT
    }

    /** The exception a misbehaving port throws, so tests can find it as the cause. */
    public static final class HostFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostFailure(String message) {
            super(message);
        }
    }

    private final Map<ContactId, Fault> contactFaults = new ConcurrentHashMap<>();
    private final Map<UserId, Fault> userFaults = new ConcurrentHashMap<>();
    private final Map<UserId, Fault> availabilityFaults = new ConcurrentHashMap<>();
    private final Map<ContactGroupId, Fault> groupFaults = new ConcurrentHashMap<>();
    private final ContactDirectory contacts;
    private final UserDirectory users;

    /** Ports that answer like these fakes until told to misbehave. */
    public MisbehavingPorts(FakeContacts contacts, FakeUsers users) {
        this.contacts = new Contacts(contacts);
        this.users = new Users(users);
    }

    /** Every lookup that includes one of these contacts misbehaves. */
    public void breakContacts(Fault fault, ContactId... ids) {
        for (ContactId id : ids) {
            contactFaults.put(id, fault);
        }
    }

    /** Every lookup of this user misbehaves ({@link Fault#RETURNS_NULL_ELEMENT} acts as RETURNS_NULL). */
    public void breakUser(Fault fault, UserId user) {
        userFaults.put(user, fault);
    }

    /** Asking for the availability of a team with this user in it misbehaves. */
    public void breakAvailability(Fault fault, UserId user) {
        availabilityFaults.put(user, fault);
    }

    /** Every page of this group's members misbehaves. */
    public void breakGroup(Fault fault, ContactGroupId group) {
        groupFaults.put(group, fault);
    }

    public ContactDirectory contacts() {
        return contacts;
    }

    public UserDirectory users() {
        return users;
    }

    private final class Contacts implements ContactDirectory {
        private final FakeContacts delegate;

        Contacts(FakeContacts delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
            Fault fault = contactFaults.get(contact);
            if (fault == Fault.THROWS) {
                throw new HostFailure("contact store unavailable for " + contact);
            }
            return fault == null ? delegate.find(tenant, contact) : null;
        }

        @Override
        public Map<ContactId, ContactCard> findAll(TenantId tenant, Collection<ContactId> ids) {
            Fault worst = null;
            ContactId broken = null;
            for (ContactId id : ids) {
                Fault fault = id == null ? null : contactFaults.get(id);
                if (fault != null && (worst == null || fault.ordinal() < worst.ordinal())) {
                    worst = fault;
                    broken = id;
                }
            }
            if (worst == Fault.THROWS) {
                throw new HostFailure("contact store unavailable for " + broken);
            }
            if (worst == Fault.RETURNS_NULL) {
                return null;
            }
            Map<ContactId, ContactCard> found = new HashMap<>(delegate.findAll(tenant, ids));
            if (worst == Fault.RETURNS_NULL_ELEMENT) {
                found.put(broken, null);
            }
            return found;
        }

        @Override
        public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
            Fault fault = groupFaults.get(group);
            if (fault == Fault.THROWS) {
                throw new HostFailure("group service unavailable for " + group);
            }
            if (fault == Fault.RETURNS_NULL) {
                return null;
            }
            List<ContactId> page = delegate.groupMembers(tenant, group, after, limit);
            if (fault == Fault.RETURNS_NULL_ELEMENT) {
                java.util.ArrayList<ContactId> withNull = new java.util.ArrayList<>(page);
                withNull.add(null);
                return withNull;
            }
            return page;
        }
    }

    private final class Users implements UserDirectory {
        private final FakeUsers delegate;

        Users(FakeUsers delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<UserInfo> find(TenantId tenant, UserId user) {
            Fault fault = userFaults.get(user);
            if (fault == Fault.THROWS) {
                throw new HostFailure("user directory unavailable for " + user);
            }
            return fault == null ? delegate.find(tenant, user) : null;
        }

        @Override
        public Map<UserId, Availability> availability(TenantId tenant, Collection<UserId> users) {
            for (UserId user : users) {
                Fault fault = availabilityFaults.get(user);
                if (fault == Fault.THROWS) {
                    throw new HostFailure("calendar unavailable for " + user);
                }
                if (fault == Fault.RETURNS_NULL) {
                    return null;
                }
                if (fault == Fault.RETURNS_NULL_ELEMENT) {
                    Map<UserId, Availability> broken = new HashMap<>();
                    broken.put(user, null);
                    return broken;
                }
            }
            return delegate.availability(tenant, users);
        }
    }

    /** Faults currently set, for messages. */
    @Override
    public String toString() {
        return "MisbehavingPorts" + List.of(contactFaults, userFaults, availabilityFaults, groupFaults);
    }
}
