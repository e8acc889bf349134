package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;

/** Store SPI: leads. At most one lead per project and contact, also under concurrency. */
public interface LeadRepository {

    Optional<Lead> find(TenantId tenant, LeadId id);

    /** Those of the given leads that exist in the tenant, in no particular order; at most 1000 ids. */
    List<Lead> findAll(TenantId tenant, Collection<LeadId> ids);

    Optional<Lead> findByContact(TenantId tenant, ProjectId project, ContactId contact);

    /** The contact's leads in every project of the tenant. */
    List<Lead> findAllByContact(TenantId tenant, ContactId contact);

    /** Which of the given contacts already are leads of the project. */
    Set<ContactId> existingContacts(TenantId tenant, ProjectId project, Collection<ContactId> contacts);

    /**
     * Inserts the leads whose project and contact have no lead yet (insert-if-absent, safe against concurrent
     * inserts of the same pair from other units of work and nodes). The list has at most one lead per contact.
     *
     * @return the leads that were inserted, in input order
     */
    List<Lead> insertIfAbsent(List<Lead> leads);

    /**
     * Stores the changed lead if the stored version equals {@code lead.version()}: its contact, card, status, owner
     * and lost reason. Its {@code lastActivityAt} and {@code nextFollowUpAt} are not written here; they change only
     * through {@link #touch} and {@link #setNextFollowUpAt}, which never conflict with a change like this one.
     *
     * @return the lead with its new version
     * @throws org.leadmanager.error.StaleModificationException if the stored version differs or the lead is gone
     */
    Lead update(Lead lead);

    /**
     * Records that something happened on the lead at {@code at}: raises its {@code lastActivityAt} to {@code at}
     * (never lowers it), without checking or raising its version, so notes and follow-ups never make a concurrent
     * status or owner change stale, nor are made stale by one. Takes the lead's lock until the unit of work ends
     * (for example the row lock of an update): units of work touching one lead wait for each other, and what the
     * holder reads afterwards includes everything committed before it got the lock.
     *
     * @throws org.leadmanager.error.StaleModificationException if the tenant has no such lead
     */
    void touch(TenantId tenant, LeadId lead, Instant at);

    /**
     * Sets the due time of the lead's earliest open follow-up ({@code null}: it has none), without checking or
     * raising its version. Called after {@link #touch} in the same unit of work, with what was read under its lock.
     *
     * @throws org.leadmanager.error.StaleModificationException if the tenant has no such lead
     */
    void setNextFollowUpAt(TenantId tenant, LeadId lead, Instant due);

    /** Deletes the lead if its stored version matches. @throws org.leadmanager.error.StaleModificationException if not */
    void delete(Lead lead);

    /**
     * One page: the leads of the search's project matching its criteria, in its ordering, strictly after its keyset,
     * at most {@code limit} of them. Must agree with {@link LeadCriteria#matches} and
     * {@link org.leadmanager.domain.search.LeadOrdering}.
     */
    List<Lead> search(LeadSearch search);

    /**
     * Matching leads of the project per status, counted from the leads; statuses without leads may be absent. The
     * core asks this only for criteria that the kept tallies ({@link TallyRepository}) cannot answer, such as text
     * or date ranges.
     */
    Map<StatusKey, Long> countByStatus(TenantId tenant, ProjectId project, LeadCriteria criteria);

    // first-response deadlines

    /**
     * Sets the lead's first-response deadline ({@code null}: no clock runs) and drops any claim an escalation
     * dispatcher holds on it ({@link ResponseDeadlineQueue}), without checking or raising its version. Called after
     * {@link #touch} or {@link #update} in the same unit of work, under the lead's lock.
     *
     * @throws org.leadmanager.error.StaleModificationException if the tenant has no such lead
     */
    void setResponseDue(TenantId tenant, LeadId lead, Instant due);

    /**
     * The leads of the project whose first-response deadline is before {@code before}, earliest deadline first, then
     * by id, at most {@code limit}: those due soon, or (with {@code before} = now) those breached.
     */
    List<Lead> findByResponseDue(TenantId tenant, ProjectId project, Instant before, int limit);
}
