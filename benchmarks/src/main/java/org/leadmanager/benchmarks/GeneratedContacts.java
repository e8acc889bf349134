package org.leadmanager.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.spi.host.ContactDirectory;

/**
 * A host CRM of any size that keeps nothing: contact {@code c00000042} and its card are computed from the number
 * 42, and group {@code members-N} has the contacts 0..N-1. So a million contacts cost no memory.
 */
final class GeneratedContacts implements ContactDirectory {
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart",
        "Leipzig", "Dresden"};

    static ContactId id(long number) {
        String digits = Long.toString(number);
        StringBuilder sb = new StringBuilder(9).append('c');
        for (int i = digits.length(); i < 8; i++) {
            sb.append('0');
        }
        return ContactId.of(sb.append(digits).toString());
    }

    static long number(ContactId id) {
        return Long.parseLong(id.value().substring(1));
    }

    static ContactCard card(long n) {
        return new ContactCard("Contact " + n, "contact" + n + "@example.com", "+49 30 " + n,
                "Company " + n % 5000, CITIES[(int) (n % CITIES.length)], "https://crm.example.com/contacts/" + n);
    }

    static ContactGroupId group(int members) {
        return ContactGroupId.of("members-" + members);
    }

    /** The contacts from..from+count-1 as a lazy sequence: nothing is held. */
    static Iterable<ContactId> range(long from, long count) {
        return () -> new Iterator<>() {
            private long next = from;

            @Override
            public boolean hasNext() {
                return next < from + count;
            }

            @Override
            public ContactId next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return id(next++);
            }
        };
    }

    @Override
    public Optional<ContactCard> find(TenantId tenant, ContactId contact) {
        return Optional.of(card(number(contact)));
    }

    @Override
    public Map<ContactId, ContactCard> findAll(TenantId tenant, Collection<ContactId> contacts) {
        Map<ContactId, ContactCard> cards = new LinkedHashMap<>();
        for (ContactId id : contacts) {
            cards.put(id, card(number(id)));
        }
        return cards;
    }

    @Override
    public List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit) {
        long size = Long.parseLong(group.value().substring("members-".length()));
        long start = after == null ? 0 : number(after) + 1;
        List<ContactId> page = new ArrayList<>(limit);
        for (long n = start; n < size && page.size() < limit; n++) {
            page.add(id(n));
        }
        return page;
    }
}
