package org.leadmanager.spi.store;

import java.util.List;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;

/** The repositories of one unit of work. Valid only inside {@link LeadStore#inTransaction}. */
public interface StoreSession {

    ProjectRepository projects();

    MarketingActionRepository actions();

    LeadRepository leads();

    NoteRepository notes();

    ActivityRepository activities();

    FollowUpRepository followUps();

    SavedSearchRepository savedSearches();

    /** The reminder claim queue. */
    ReminderQueue reminders();

    /** The claim queue of breached first-response deadlines. */
    ResponseDeadlineQueue responseDeadlines();

    /** Kept tallies (counts per project that are kept as changes commit). */
    TallyRepository tallies();

    /** The publication registry of recorded events. */
    EventRegistry events();

    /**
     * Records events of this unit of work in the order given; they join the {@link EventRegistry} when it commits,
     * after every event recorded by units of work that committed before, and vanish if it rolls back.
     */
    void recordEvents(List<EventEnvelope> events);

    /**
     * Erases a lead: removes it as stored, if its stored version is {@code lead.version()}, together with everything
     * the store keeps about it in any table or structure: its notes, timeline entries, follow-ups (their reminders
     * included), its events in the publication registry in every state (pending, claimed, set aside, kept as
     * published), and whatever the store derives from these (search keys, caches). Nothing of it may remain
     * readable afterwards; the contract kit scans the whole store for it. The caller holds the lead's lock
     * ({@link LeadRepository#touch}) and takes the lead off the kept tallies itself.
     *
     * @param lead the lead as read under its lock, non-null
     * @throws org.leadmanager.error.StaleModificationException if the lead is gone or its version differs
     */
    void eraseLead(Lead lead);
}
