package org.leadmanager.spi.host;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;

/**
 * Host port: the host's contacts and contact groups. Must be thread-safe.
 *
 * <p>Contract: never return null (an empty {@code Optional}, map or list instead) and never put null into a map
 * or list. A call that breaks this, or throws, reaches the library's caller as
 * {@link org.leadmanager.error.HostPortException} naming this port and the method, with the thrown exception as cause;
 * a bulk call ({@code qualifyAll}) reports the items of the affected chunk as rejected with that message and goes
 * on with the next chunk. Card text is cleaned by {@link ContactCard} itself, so any text the host holds can be
 * handed over.
 */
public interface ContactDirectory {

    /** The contact's card, or empty if the tenant has no such contact. */
    Optional<ContactCard> find(TenantId tenant, ContactId contact);

    /**
     * Cards of many contacts at once; contacts the tenant does not have are absent from the result. Hosts should
     * override this with one query: bulk qualification calls it once per chunk.
     */
    default Map<ContactId, ContactCard> findAll(TenantId tenant, Collection<ContactId> contacts) {
        Map<ContactId, ContactCard> cards = new LinkedHashMap<>();
        for (ContactId id : contacts) {
            find(tenant, id).ifPresent(card -> cards.put(id, card));
        }
        return cards;
    }

    /**
     * One page of a group's current members, in ascending id order, starting after {@code after} (null: from the
     * start). An empty or short page ends the iteration. The library never asks for all members at once.
     */
    List<ContactId> groupMembers(TenantId tenant, ContactGroupId group, ContactId after, int limit);
}
