package org.leadmanager.spi.store;

import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;

/**
 * Store SPI: the append-only timeline of leads, in the order its changes committed.
 *
 * <p>Each lead numbers its entries ({@link Activity#sequence()}): its qualification is number 1 (kept on the lead
 * itself, not here), and each appended entry takes the lead's next number. A store takes that number under the
 * lead's lock (for example by raising a counter on the lead's row), so units of work appending to one lead wait
 * for each other until commit, and numbers are in commit order, whatever the entries' times say. Appending never
 * checks the lead's version: it adds no {@link org.leadmanager.error.StaleModificationException} to a change that did
 * not already risk one.
 */
public interface ActivityRepository {

    /**
     * Appends each entry at the end of its lead's timeline, with the lead's next number (the entries' own
     * {@code sequence} is ignored), in list order.
     *
     * @throws org.leadmanager.error.StaleModificationException if an entry's lead is not stored
     */
    void append(List<Activity> activities);

    /** A lead's stored entries by sequence, each with its number. */
    List<Activity> findByLead(TenantId tenant, LeadId lead);

    /**
     * Moves every entry of one lead to the end of another's timeline (contact merge), keeping their order: with
     * {@code last} the latest number of {@code into}, the entry numbered {@code n} of {@code from} becomes number
     * {@code last + n - 1} of {@code into} (so {@code from}'s entries 2, 3, ... follow {@code into}'s without a
     * gap; {@code from}'s number 1 is its qualification, which a merge appends to {@code into} itself just
     * before). Afterwards {@code from} has no entries and numbers from 1 again.
     *
     * @throws org.leadmanager.error.StaleModificationException if {@code into} is not stored while {@code from} has entries
     */
    void moveAll(TenantId tenant, LeadId from, LeadId into);
}
