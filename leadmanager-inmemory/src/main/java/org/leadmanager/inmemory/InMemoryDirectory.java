package org.leadmanager.inmemory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
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
 * The host's contacts, contact groups and users kept in memory, per tenant: a ready {@link ContactDirectory} and
 * {@link UserDirectory} for prototypes, demos and tests. A real host replaces it with its own implementation of the
 * two ports over its CRM's tables or services.
 *
 * <p>Fill it with {@link #addContact}, {@link #addUser} and {@link #addToGroup}; adding again under the same id
 * replaces the contact or user. Each tenant sees only what was added for it. Thread-safe: it may be filled while
 * the lead manager reads it, and reads see every addition that completed before them.
 *
 * <pre>{@code
 * InMemoryDirectory crm = InMemoryDirectory.create();
 * ContactId petra = crm.addContact(acme, "c-1", ContactCard.named("Petra Berg"));
 * UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
 * LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();
 * }</pre>
 */
public final class InMemoryDirectory implements ContactDirectory, UserDirectory {
    /** What reads see of a tenant nothing was added for; never written to. */
    private static final Tenant EMPTY = new Tenant();

    private final ConcurrentMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    /** One tenant's data; the sets of group members stay sorted by id for paging. */
    private record Tenant(ConcurrentMap<ContactId, ContactCard> contacts,
                          ConcurrentMap<ContactGroupId, NavigableSet<ContactId>> groups,
                          ConcurrentMap<UserId, UserInfo> users,
                          ConcurrentMap<UserId, Availability> availability) {
        Tenant() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>());
        }
    }

    private InMemoryDirectory() {
    }

    /** A new, empty directory. */
    public static InMemoryDirectory create() {
        return new InMemoryDirectory();
    }

    /**
     * Adds a contact to the tenant, or replaces the card of the contact with this id.
     *
     * @param tenant non-null
     * @param id     the contact's key, as for {@link ContactId#of}
     * @param card   non-null
     * @return the contact's id
     * @throws NullPointerException if an argument is null
     * @throws org.leadmanager.error.ValidationException if the id is blank or longer than 64 characters
     */
    public ContactId addContact(TenantId tenant, String id, ContactCard card) {
        Objects.requireNonNull(card, "card");
        ContactId contact = ContactId.of(id);
        writable(tenant).contacts().put(contact, card);
        return contact;
    }

    /**
     * Adds a user to the tenant, or replaces the user with this id (for example to deactivate them).
     *
     * @param tenant      non-null
     * @param id          the user's key, as for {@link UserId#of}
     * @param displayName non-null
     * @param active      inactive users never receive leads or follow-ups
     * @param zone        the user's time zone, for "due today" in the overview; non-null
     * @return the user's id
     * @throws NullPointerException if an argument is null
     * @throws org.leadmanager.error.ValidationException if the id is blank or longer than 64 characters
     */
    public UserId addUser(TenantId tenant, String id, String displayName, boolean active, ZoneId zone) {
        UserId user = UserId.of(id);
        UserInfo info = new UserInfo(user, displayName, active, zone);
        writable(tenant).users().put(user, info);
        return user;
    }

    /**
     * Makes the contacts members of the tenant's group; members already in it stay once. A member need not have
     * been added as a contact, as in a host whose group still lists a deleted contact.
     *
     * @param tenant  non-null
     * @param group   non-null
     * @param members non-null, without null elements
     * @throws NullPointerException if an argument or a member is null; then no member was added
     */
    public void addToGroup(TenantId tenant, ContactGroupId group, ContactId... members) {
        Objects.requireNonNull(group, "group");
        List<ContactId> added = List.of(members);
        writable(tenant).groups().computeIfAbsent(group, g -> new ConcurrentSkipListSet<>()).addAll(added);
    }

    /**
     * The tenant's contact with this id.
     *
     * @param tenant  non-null
     * @param contact non-null
     * @return the card, or empty if the tenant has no such contact
     * @throws NullPointerException if an argument is null
     */
    @Override
    public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return Optional.ofNullable(of(tenant).contacts().get(contact));
    }

    /**
     * Cards of the tenant's contacts among the ids, in the order asked for; unknown ids are absent.
     *
     * @param tenant   non-null
     * @param contacts non-null, without null elements
     * @return a new map
     * @throws NullPointerException if an argument or an id is null
     */
    @Override
    public Map<ContactId, ContactCard> findAll(TenantId tenant, Collection<ContactId> contacts) {
        Map<ContactId, ContactCard> known = of(tenant).contacts();
        Map<ContactId, ContactCard> found = new LinkedHashMap<>();
        for (ContactId id : contacts) {
            ContactCard card = known.get(Objects.requireNonNull(id, "contact id"));
            if (card != null) {
                found.put(id, card);
            }
        }
        return found;
    }

    /**
     * One page of the group's members in ascending id order, starting after {@code after}; an unknown group has no
     * members.
     *
     * @param tenant non-null
     * @param group  non-null
     * @param after  the last member of the previous page; null for the first page
     * @param limit  the most members to return, at least 1
     * @return a new list of at most {@code limit} members
     * @throws NullPointerException     if tenant or group is null
     * @throws IllegalArgumentException if limit is less than 1
     */
    @Override
    public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
        Objects.requireNonNull(group, "group");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        NavigableSet<ContactId> members = of(tenant).groups().get(group);
        if (members == null) {
            return new ArrayList<>();
        }
        List<ContactId> page = new ArrayList<>(Math.min(limit, 1024));
        for (ContactId id : after == null ? members : members.tailSet(after, false)) {
            if (page.size() == limit) {
                break;
            }
            page.add(id);
        }
        return page;
    }

    /**
     * The tenant's user with this id.
     *
     * @param tenant non-null
     * @param user   non-null
     * @return the user, or empty if the tenant has no such user
     * @throws NullPointerException if an argument is null
     */
    @Override
    public Optional<UserInfo> find(TenantId tenant, UserId user) {
        Objects.requireNonNull(user, "user");
        return Optional.ofNullable(of(tenant).users().get(user));
    }

    /**
     * Sets when the user takes new leads (absences, working hours); without, they always do.
     *
     * @param tenant       non-null
     * @param user         non-null
     * @param availability non-null
     * @throws NullPointerException if an argument is null
     */
    public void setAvailability(TenantId tenant, UserId user, Availability availability) {
        writable(tenant).availability().put(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(availability, "availability"));
    }

    /** The availability set for those of the users that have one. */
    @Override
    public Map<UserId, Availability> availability(TenantId tenant, Collection<UserId> users) {
        Map<UserId, Availability> known = of(tenant).availability();
        Map<UserId, Availability> found = new LinkedHashMap<>();
        for (UserId user : users) {
            Availability availability = known.get(user);
            if (availability != null) {
                found.put(user, availability);
            }
        }
        return found;
    }

    private Tenant of(TenantId tenant) {
        return tenants.getOrDefault(Objects.requireNonNull(tenant, "tenant"), EMPTY);
    }

    private Tenant writable(TenantId tenant) {
        return tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new Tenant());
    }
}
