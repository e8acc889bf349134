package org.leadmanager.spi.store;

import java.util.List;
import org.leadmanager.domain.event.EventEnvelope;

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

    /** Kept tallies (counts per project that are kept as changes commit). */
    TallyRepository tallies();

    /** The publication registry of recorded events. */
    EventRegistry events();

    /**
     * Records events of this unit of work in the order given; they join the {@link EventRegistry} when it commits,
     * after every event recorded by units of work that committed before, and vanish if it rolls back.
     */
    void recordEvents(List<EventEnvelope> events);
}
