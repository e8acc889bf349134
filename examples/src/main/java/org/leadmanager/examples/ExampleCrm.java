package org.leadmanager.examples;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.ContactCard;
import org.leadmanager.spi.ContactDirectory;
import org.leadmanager.spi.UserDirectory;
import org.leadmanager.spi.UserInfo;

/**
 * Stands in for the host CRM: its contacts, contact groups and employees. A real host implements
 * {@link ContactDirectory} and {@link UserDirectory} over its own tables or services in the same way.
 * One tenant only, for brevity.
 */
public final class ExampleCrm implements ContactDirectory, UserDirectory {
    private final Map<ContactId, ContactCard> contacts = new ConcurrentHashMap<>();
    private final Map<ContactGroupId, TreeSet<ContactId>> groups = new ConcurrentHashMap<>();
    private final Map<UserId, UserInfo> users = new ConcurrentHashMap<>();

    /** Adds a contact and returns its id. */
    public ContactId contact(String id, String name, String email, String company, String city) {
        ContactId contactId = ContactId.of(id);
        contacts.put(contactId, new ContactCard(name, email, null, company, city, "https://crm.example/contacts/" + id));
        return contactId;
    }

    /** Changes a contact's card, as the host would when someone edits it. */
    public void update(ContactId id, ContactCard card) {
        contacts.put(id, card);
    }

    /** Puts a contact into a group. */
    public void join(ContactGroupId group, ContactId contact) {
        groups.computeIfAbsent(group, g -> new TreeSet<>()).add(contact);
    }

    /** Adds an employee in the given time zone. */
    public UserId user(String id, String name, boolean active, String zone) {
        UserId userId = UserId.of(id);
        users.put(userId, new UserInfo(userId, name, active, ZoneId.of(zone)));
        return userId;
    }

    /** The employee's display name, or the id for unknown ones. */
    public String nameOf(UserId id) {
        return id == null ? "-" : Optional.ofNullable(users.get(id)).map(UserInfo::displayName).orElse(id.value());
    }

    @Override
    public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
        return Optional.ofNullable(contacts.get(contact));
    }

    @Override
    public Map<ContactId, ContactCard> findAll(TenantId tenant, java.util.Collection<ContactId> ids) {
        Map<ContactId, ContactCard> found = new TreeMap<>();
        ids.forEach(id -> Optional.ofNullable(contacts.get(id)).ifPresent(card -> found.put(id, card)));
        return found;
    }

    @Override
    public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
        TreeSet<ContactId> members = groups.getOrDefault(group, new TreeSet<>());
        List<ContactId> page = new ArrayList<>(limit);
        for (ContactId id : after == null ? members : members.tailSet(after, false)) {
            if (page.size() == limit) {
                break;
            }
            page.add(id);
        }
        return page;
    }

    @Override
    public Optional<UserInfo> find(TenantId tenant, UserId user) {
        return Optional.ofNullable(users.get(user));
    }
}
