package org.leadmanager.examples.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.inmemory.InMemoryDirectory;

/**
 * The CRM's own contact table, which the contacts page lists. Every contact is also handed to the lead manager's
 * contact directory ({@link InMemoryDirectory}); a real CRM implements {@code ContactDirectory} over its table
 * instead. A contact's card links to its page in this CRM ("Kundendetails").
 */
public final class CrmContacts {
    private final InMemoryDirectory directory;
    private final Map<ContactId, ContactCard> contacts = new ConcurrentSkipListMap<>();

    CrmContacts(InMemoryDirectory directory) {
        this.directory = directory;
    }

    /**
     * A contact as the contacts page shows it.
     *
     * @param id   the contact's key
     * @param card name, e-mail, phone, company, city and the link to its page
     */
    public record Contact(ContactId id, ContactCard card) {
    }

    /** Adds a contact under {@code id}; its card links to {@link #detailsPath}. */
    ContactId add(String id, String name, String email, String phone, String company, String city) {
        ContactId contact = ContactId.of(id);
        ContactCard card = new ContactCard(name, email, phone, company, city, detailsPath(contact));
        contacts.put(contact, card);
        directory.addContact(CrmUsers.TENANT, id, card);
        return contact;
    }

    /** Where the CRM shows a contact ("Kundendetails"). */
    static String detailsPath(ContactId contact) {
        return "/crm/contacts/" + contact.value();
    }

    /** Every contact, by name. */
    public List<Contact> all() {
        List<Contact> all = new ArrayList<>();
        contacts.forEach((id, card) -> all.add(new Contact(id, card)));
        all.sort((a, b) -> a.card().sortName().compareTo(b.card().sortName()));
        return all;
    }

    /** The contact with this key, if the CRM has it. */
    public Optional<Contact> find(ContactId id) {
        return Optional.ofNullable(contacts.get(id)).map(card -> new Contact(id, card));
    }
}
