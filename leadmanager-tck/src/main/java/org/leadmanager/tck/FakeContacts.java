package org.leadmanager.tck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.spi.host.ContactDirectory;

/**
 * An in-memory {@link ContactDirectory}: contacts and groups per tenant. It records every group page the library
 * asks for, so tests can prove that members are streamed page by page. Thread-safe.
 */
public final class FakeContacts implements ContactDirectory {

    /**
     * One call of {@link #groupMembers}.
     *
     * @param after    the position asked for; null for the first page
     * @param limit    the page size asked for
     * @param returned how many members the page held
     */
    public record PageRequest(TenantId tenant, ContactGroupId group, ContactId after, int limit, int returned) {
    }

    private final Map<TenantId, Map<ContactId, ContactCard>> cards = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<ContactGroupId, NavigableSet<ContactId>>> groups = new ConcurrentHashMap<>();
    private final List<PageRequest> pageRequests = new CopyOnWriteArrayList<>();

    /** Adds or replaces a contact. */
    public void put(TenantId tenant, ContactId contact, ContactCard card) {
        Objects.requireNonNull(card, "card");
        cards.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(contact, card);
    }

    /** Forgets a contact, as a host does after deleting it; group memberships stay. */
    public void remove(TenantId tenant, ContactId contact) {
        cards.getOrDefault(tenant, Map.of()).remove(contact);
    }

    /** Makes the contacts members of the group. */
    public void addToGroup(TenantId tenant, ContactGroupId group, Collection<ContactId> members) {
        members(tenant, group).addAll(members);
    }

    /** Makes the contacts members of the group. */
    public void addToGroup(TenantId tenant, ContactGroupId group, ContactId... members) {
        addToGroup(tenant, group, List.of(members));
    }

    /** Removes a contact from the group. */
    public void removeFromGroup(TenantId tenant, ContactGroupId group, ContactId member) {
        members(tenant, group).remove(member);
    }

    /** Every page request of the tenant so far, in call order. */
    public List<PageRequest> pageRequests(TenantId tenant) {
        return pageRequests.stream().filter(r -> r.tenant().equals(tenant)).toList();
    }

    @Override
    public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
        return Optional.ofNullable(cards.getOrDefault(tenant, Map.of()).get(contact));
    }

    @Override
    public Map<ContactId, ContactCard> findAll(TenantId tenant, Collection<ContactId> contacts) {
        Map<ContactId, ContactCard> known = cards.getOrDefault(tenant, Map.of());
        Map<ContactId, ContactCard> found = new LinkedHashMap<>();
        for (ContactId id : contacts) {
            ContactCard card = id == null ? null : known.get(id);
            if (card != null) {
                found.put(id, card);
            }
        }
        return found;
    }

    @Override
    public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
        NavigableSet<ContactId> all = members(tenant, group);
        List<ContactId> page = new ArrayList<>(Math.min(limit, 1024));
        for (ContactId id : after == null ? all : all.tailSet(after, false)) {
            if (page.size() >= limit) {
                break;
            }
            page.add(id);
        }
        pageRequests.add(new PageRequest(tenant, group, after, limit, page.size()));
        return page;
    }

    private NavigableSet<ContactId> members(TenantId tenant, ContactGroupId group) {
        return groups.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(group, g -> new ConcurrentSkipListSet<>());
    }
}
