package org.leadmanager.inmemory;

import java.util.List;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.spi.store.ActivityRepository;
import org.leadmanager.spi.store.EventRegistry;
import org.leadmanager.spi.store.FollowUpRepository;
import org.leadmanager.spi.store.ReminderQueue;
import org.leadmanager.spi.store.ResponseDeadlineQueue;
import org.leadmanager.spi.store.LeadRepository;
import org.leadmanager.spi.store.MarketingActionRepository;
import org.leadmanager.spi.store.NoteRepository;
import org.leadmanager.spi.store.ProjectRepository;
import org.leadmanager.spi.store.SavedSearchRepository;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.store.TallyRepository;

/**
 * The repositories of the store. One instance serves every unit of work: each repository call finds the unit of
 * work of its thread through {@link Transactions}, and fails outside one.
 */
final class Session implements StoreSession {
    private final Transactions transactions;
    private final ProjectTable projects;
    private final ActionTable actions;
    private final LeadTable leads;
    private final NoteTable notes;
    private final ActivityTable activities;
    private final FollowUpTable followUps;
    private final SavedSearchTable savedSearches;
    private final EventTable events;
    private final TallyTable tallies;

    Session(Transactions transactions, EventTable events) {
        this.transactions = transactions;
        this.projects = new ProjectTable(transactions);
        this.actions = new ActionTable(transactions);
        this.leads = new LeadTable(transactions);
        this.notes = new NoteTable(transactions);
        this.activities = new ActivityTable(transactions, leads);
        this.followUps = new FollowUpTable(transactions);
        this.savedSearches = new SavedSearchTable(transactions);
        this.events = events;
        this.tallies = new TallyTable(transactions, leads);
    }

    @Override
    public ProjectRepository projects() {
        return projects;
    }

    @Override
    public MarketingActionRepository actions() {
        return actions;
    }

    @Override
    public LeadRepository leads() {
        return leads;
    }

    @Override
    public NoteRepository notes() {
        return notes;
    }

    @Override
    public ActivityRepository activities() {
        return activities;
    }

    @Override
    public FollowUpRepository followUps() {
        return followUps;
    }

    @Override
    public ReminderQueue reminders() {
        return followUps;
    }

    @Override
    public ResponseDeadlineQueue responseDeadlines() {
        return leads;
    }

    @Override
    public SavedSearchRepository savedSearches() {
        return savedSearches;
    }

    @Override
    public EventRegistry events() {
        return events;
    }

    @Override
    public TallyRepository tallies() {
        return tallies;
    }

    /** Takes the lead out of every table that holds something of it. */
    @Override
    public void eraseLead(Lead lead) {
        leads.delete(lead);
        notes.deleteAllByLead(lead.tenant(), lead.id());
        activities.deleteAllByLead(lead.tenant(), lead.id());
        followUps.deleteAllByLead(lead.tenant(), lead.id());
        events.deleteByLead(lead.tenant(), lead.id());
    }

    @Override
    public void recordEvents(List<EventEnvelope> events) {
        List<EventEnvelope> recorded = List.copyOf(events);
        transactions.active().record(recorded);
    }
}
