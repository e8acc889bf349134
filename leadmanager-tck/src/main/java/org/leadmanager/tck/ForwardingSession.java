package org.leadmanager.tck;

import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.spi.store.ActivityRepository;
import org.leadmanager.spi.store.EventRegistry;
import org.leadmanager.spi.store.FollowUpRepository;
import org.leadmanager.spi.store.LeadRepository;
import org.leadmanager.spi.store.MarketingActionRepository;
import org.leadmanager.spi.store.NoteRepository;
import org.leadmanager.spi.store.ProjectRepository;
import org.leadmanager.spi.store.ReminderQueue;
import org.leadmanager.spi.store.ResponseDeadlineQueue;
import org.leadmanager.spi.store.SavedSearchRepository;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.store.TallyRepository;

/**
 * A store session that hands every call to another one: the base of test stores that change one part of a real
 * store's behaviour (crash at a point, claim less) and leave the rest as it is. Override what the test changes.
 */
public class ForwardingSession implements StoreSession {
    private final StoreSession session;

    /** @param session the session calls go to, non-null */
    public ForwardingSession(StoreSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The session calls go to. */
    protected StoreSession session() {
        return session;
    }

    @Override
    public ProjectRepository projects() {
        return session.projects();
    }

    @Override
    public MarketingActionRepository actions() {
        return session.actions();
    }

    @Override
    public LeadRepository leads() {
        return session.leads();
    }

    @Override
    public NoteRepository notes() {
        return session.notes();
    }

    @Override
    public ActivityRepository activities() {
        return session.activities();
    }

    @Override
    public FollowUpRepository followUps() {
        return session.followUps();
    }

    @Override
    public ReminderQueue reminders() {
        return session.reminders();
    }

    @Override
    public ResponseDeadlineQueue responseDeadlines() {
        return session.responseDeadlines();
    }

    @Override
    public SavedSearchRepository savedSearches() {
        return session.savedSearches();
    }

    @Override
    public TallyRepository tallies() {
        return session.tallies();
    }

    @Override
    public EventRegistry events() {
        return session.events();
    }

    @Override
    public void recordEvents(List<EventEnvelope> events) {
        session.recordEvents(events);
    }

    @Override
    public void eraseLead(Lead lead) {
        session.eraseLead(lead);
    }
}
