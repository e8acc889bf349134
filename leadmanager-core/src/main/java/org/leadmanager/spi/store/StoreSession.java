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

    /** Appends events to the outbox of this unit of work; they become relayable when it commits. */
    void recordEvents(List<EventEnvelope> events);
}
