package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.ResponseClock;
import org.leadmanager.domain.event.Timeline;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.tally.Funnels;
import org.leadmanager.domain.tally.Tallies;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.spi.store.StoreSession;

/** One unit of work of one call: its session, actor, a single "now", and what it records. */
final class Tx {
    final StoreSession s;
    final Actor actor;
    final Instant now;
    private final IdGenerator ids;
    private final boolean recordEvents;
    private final List<Activity> activities = new ArrayList<>();
    private final List<EventEnvelope> events = new ArrayList<>();
    private final List<TallyDelta> tallies = new ArrayList<>();
    /** Numbers to settle once the tallies are written ({@link #erase}). */
    private final Map<ProjectId, Set<TallyKey>> settle = new HashMap<>();
    /**
     * Leads and projects this unit of work read ({@link #read}) or the clocks read, each lead with the deadline the
     * clocks set since: the first-response clocks read none of them again.
     */
    private final Map<LeadId, Lead> leads = new HashMap<>();
    private final Map<ProjectId, Project> projects = new HashMap<>();

    Tx(StoreSession s, Actor actor, Instant now, IdGenerator ids, boolean recordEvents) {
        this.s = s;
        this.actor = actor;
        this.now = now;
        this.ids = ids;
        this.recordEvents = recordEvents;
    }

    /** Records an event for the event registry, unless the lead manager has no publisher. */
    private void emit(DomainEvent event) {
        if (!recordEvents) {
            return;
        }
        events.add(new EventEnvelope(ids.next(), actor.tenant(), actor.user(), now, event));
    }

    /**
     * Records what a command decided: the timeline entries its events make ({@link Timeline}), the changes of the
     * kept tallies ({@link Tallies#of}) and, unless the lead manager has no publisher, the events for the event
     * registry. Saving the state is the caller's.
     *
     * @return the new state
     */
    <T> T record(Changed<T> change) {
        activities.addAll(Timeline.entries(change, actor.tenant(), actor.user(), now));
        tallies.addAll(Tallies.of(change));
        tallies.addAll(Funnels.of(change, now));
        clocks(change);
        change.events().forEach(this::emit);
        return change.state();
    }

    /**
     * The caller read this lead and its project in this unit of work, before changing the lead (under its lock or
     * before taking it): the clocks use them rather than reading them again.
     */
    void read(Lead lead, Project project) {
        leads.put(lead.id(), lead);
        projects.put(project.id(), project);
    }

    /**
     * Keeps the first-response clocks of the change's leads in step with its events ({@link ResponseClock}),
     * without touching their versions. The lead is the change's state, or the one this unit of work read
     * ({@link #read}: notes, follow-ups), or else read now; its project is read only when a clock may start or runs,
     * and not at all when the caller read it. So a note or a completed follow-up costs no statement of its own
     * unless it stops a clock.
     */
    private void clocks(Changed<?> change) {
        for (DomainEvent event : change.events()) {
            if (!ResponseClock.concerns(event)) {
                continue;
            }
            Lead lead = lead(change, event.lead());
            if (lead == null || lead.responseDueAt() == null && !(event instanceof DomainEvent.LeadAssigned)) {
                continue;
            }
            Project project = projects.computeIfAbsent(lead.project(),
                    id -> s.projects().find(actor.tenant(), id).orElse(null));
            Instant due = project == null ? lead.responseDueAt()
                    : ResponseClock.after(event, actor.user(), lead, project, now);
            if (!java.util.Objects.equals(due, lead.responseDueAt())) {
                s.leads().setResponseDue(actor.tenant(), lead.id(), due);
            }
            leads.put(lead.id(), lead.withResponseDueAt(due));
        }
    }

    /**
     * The lead an event of the change concerns, as it is after the change and with the deadline it has before it:
     * the change's state (with the deadline this unit of work knows), or the lead this unit of work knows, or else
     * as stored; null if it is gone.
     */
    private Lead lead(Changed<?> change, LeadId id) {
        Lead known = leads.get(id);
        if (change.state() instanceof Lead l && l.id().equals(id)) {
            return known == null ? l : l.withResponseDueAt(known.responseDueAt());
        }
        if (known != null) {
            return known;
        }
        Lead stored = s.leads().find(actor.tenant(), id).orElse(null);
        if (stored != null) {
            leads.put(id, stored);
        }
        return stored;
    }

    /**
     * Deletes a lead as stored (version-checked) and takes it off the kept tallies of leads as they are; what its
     * history added to the funnel stays (its timeline moves on with a merge).
     */
    void delete(Lead lead) {
        s.leads().delete(lead);
        tallies.addAll(Tallies.removed(lead));
        tallies.addAll(Funnels.removed(lead));
    }

    /**
     * Erases a lead as stored (version-checked) with everything the store keeps about it, and takes it off the kept
     * tallies, its history's share of the funnel included: as if it had never been qualified.
     */
    void erase(Lead lead) {
        List<Activity> timeline = s.activities().findByLead(actor.tenant(), lead.id());
        s.eraseLead(lead);
        tallies.addAll(Tallies.removed(lead));
        List<TallyDelta> history = Funnels.history(lead, timeline, -1);
        tallies.addAll(history);
        // a lost reason's key may hold a value of the lead: those numbers (per day and per month) are settled, so
        // none stays stored
        history.stream().filter(d -> Funnels.countsReasons(d.key().tally()))
                .forEach(d -> settle.computeIfAbsent(d.project(), p -> new HashSet<>()).add(d.key()));
    }

    /**
     * The project's kept sums of a tally, this unit of work's own changes included: what it recorded so far goes to
     * the store first.
     */
    Map<TallyKey, Long> tally(ProjectId project, Tally tally) {
        flushTallies();
        return s.tallies().sums(actor.tenant(), project, tally);
    }

    /** Records activity on the lead now, under its lock, without touching its version. */
    void touch(LeadId lead) {
        s.leads().touch(actor.tenant(), lead, now);
    }

    /** Stores a changed lead (version-checked) and records activity on it now. */
    Lead save(Lead changed) {
        touch(changed.id());
        return s.leads().update(changed);
    }

    /**
     * Stores a changed lead (version-checked) and records its change; an unchanged lead is neither stored nor
     * recorded.
     *
     * @return the stored lead, or the unchanged one
     */
    Lead save(Changed<Lead> change) {
        if (!change.changed()) {
            return change.state();
        }
        Lead stored = save(change.state());
        record(change);
        return stored;
    }

    /**
     * Keeps the lead's earliest open due time (used by search) in step with its follow-ups, without touching its
     * version. Call it after the lead's lock is held (after {@link #touch} or {@link #save}), so the follow-ups
     * read include every change committed before.
     */
    void refreshNextFollowUp(LeadId lead) {
        Instant next = s.followUps().findByLead(actor.tenant(), lead).stream()
                .filter(FollowUp::open)
                .map(FollowUp::dueAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
        s.leads().setNextFollowUpAt(actor.tenant(), lead, next);
    }

    /**
     * Writes what the unit of work recorded: tally changes, then timeline entries, then events; appending the
     * timeline entries locks the leads, so the events of one lead join the registry in the order the units of work
     * commit.
     *
     * @return whether events were recorded
     */
    boolean flush() {
        flushTallies();
        if (!activities.isEmpty()) {
            s.activities().append(activities);
        }
        if (!events.isEmpty()) {
            s.recordEvents(events);
        }
        return !events.isEmpty();
    }

    private void flushTallies() {
        List<TallyDelta> net = Tallies.net(tallies);
        tallies.clear();
        if (!net.isEmpty()) {
            s.tallies().add(actor.tenant(), net);
        }
        settle.forEach((project, keys) -> s.tallies().settle(actor.tenant(), project, keys));
        settle.clear();
    }
}
