package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;

/** Store SPI: follow-ups; their reminders' claim queue is {@link ReminderQueue}. */
public interface FollowUpRepository {

    void insert(FollowUp followUp);

    /** @return the follow-up with its new version. @throws org.leadmanager.error.StaleModificationException on mismatch */
    FollowUp update(FollowUp followUp);

    Optional<FollowUp> find(TenantId tenant, FollowUpId id);

    /** A lead's follow-ups, by due time. */
    List<FollowUp> findByLead(TenantId tenant, LeadId lead);

    /** A user's open follow-ups by due time, at most {@code limit}. */
    List<FollowUp> findOpenByOwner(TenantId tenant, UserId owner, int limit);

    /** Moves every follow-up of one lead to another (contact merge). */
    void moveAll(TenantId tenant, LeadId from, LeadId into);
}
