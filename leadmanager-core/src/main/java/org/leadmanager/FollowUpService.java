package org.leadmanager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.FollowUpChanges;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.host.UserInfo;

final class FollowUpService implements FollowUps {
    /** Most open follow-ups one overview lists. */
    static final int OVERVIEW_LIMIT = 1000;

    private final Context ctx;

    FollowUpService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public FollowUp schedule(Actor actor, LeadId leadId, Instant dueAt, String note) {
        return scheduleFor(actor, leadId, dueAt, note, null);
    }

    @Override
    public FollowUp schedule(Actor actor, LeadId leadId, Instant dueAt, String note, UserId owner) {
        return scheduleFor(actor, leadId, dueAt, note, owner);
    }

    /** Schedules for {@code owner}, or when null for the lead's active owner, else the actor. */
    private FollowUp scheduleFor(Actor actor, LeadId leadId, Instant dueAt, String note, UserId owner) {
        Instant due = dueAt.truncatedTo(ChronoUnit.MICROS);
        return ctx.write(actor, tx -> {
            FollowUp.requireDueWithin(due, tx.now, "dueAt");
            Lead lead = ctx.changeableLead(tx, leadId);
            UserId who = owner != null ? owner
                    : lead.assignee() != null && ctx.users.isActive(actor.tenant(), lead.assignee()) ? lead.assignee()
                    : actor.user();
            if (!ctx.users.isActive(actor.tenant(), who)) {
                throw ValidationException.of("owner", "InactiveUser", "user " + who + " is unknown or inactive",
                        "user", who);
            }
            Changed<FollowUp> change = FollowUpChanges.schedule(new FollowUpId(ctx.ids.next()), lead, who, due, note,
                    actor.user(), tx.now);
            // the lead's lock before the insert refers to it (see LeadNotes.add)
            tx.touch(lead.id());
            tx.s.followUps().insert(change.state());
            tx.refreshNextFollowUp(lead.id());
            return tx.record(change);
        });
    }

    @Override
    public FollowUp complete(Actor actor, FollowUpId id) {
        return change(actor, id, (f, now) -> FollowUpChanges.complete(f, now));
    }

    @Override
    public FollowUp cancel(Actor actor, FollowUpId id) {
        return change(actor, id, (f, now) -> FollowUpChanges.cancel(f, now));
    }

    @Override
    public FollowUp snooze(Actor actor, FollowUpId id, Duration by) {
        return change(actor, id, (f, now) -> FollowUpChanges.snooze(f, by, now));
    }

    @Override
    public FollowUp reschedule(Actor actor, FollowUpId id, Instant dueAt) {
        Instant due = dueAt.truncatedTo(ChronoUnit.MICROS);
        return change(actor, id, (f, now) -> FollowUpChanges.reschedule(f, due, now));
    }

    /** Load, check access to its lead, ask the follow-up, store it, keep the lead's next due time, record. */
    private FollowUp change(Actor actor, FollowUpId id, BiFunction<FollowUp, Instant, Changed<FollowUp>> command) {
        return ctx.write(actor, tx -> {
            FollowUp followUp = tx.s.followUps().find(tx.actor.tenant(), id)
                    .orElseThrow(() -> new NotFoundException("follow-up", id));
            Lead lead = ctx.changeableLead(tx, followUp.lead());
            Changed<FollowUp> change = command.apply(followUp, tx.now);
            FollowUp stored = tx.s.followUps().update(change.state());
            refreshLead(tx, lead);
            tx.record(change);
            return stored;
        });
    }

    @Override
    public List<FollowUp> forLead(Actor actor, LeadId leadId) {
        return ctx.read(s -> {
            Lead lead = ctx.lead(s, actor, leadId);
            ctx.viewableProject(s, actor, lead.project());
            return s.followUps().findByLead(actor.tenant(), leadId);
        });
    }

    @Override
    public FollowUpOverview overview(Actor actor, UserId user) {
        if (!user.equals(actor.user()) && !ctx.access.canConfigure(actor)) {
            throw new AccessDeniedException("user " + actor.user() + " may only read their own overview");
        }
        UserInfo info = ctx.users.find(actor.tenant(), user).orElseThrow(() -> new NotFoundException("user", user));
        ZoneId zone = info.zone();
        Instant now = ctx.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        Open open = ctx.read(s -> open(s, actor.tenant(), user));
        Map<UserId, String> ownerNames = ctx.ownerNames(actor.tenant(), open.leads().values());
        List<FollowUpOverview.Entry> overdue = new ArrayList<>();
        List<FollowUpOverview.Entry> dueToday = new ArrayList<>();
        List<FollowUpOverview.Entry> upcoming = new ArrayList<>();
        for (FollowUp f : open.followUps()) {
            Lead lead = open.leads().get(f.lead());
            if (lead == null) {
                continue; // removed by a contact merge between the two reads: the follow-up moved with it
            }
            FollowUpOverview.Entry entry = new FollowUpOverview.Entry(f, lead.card().name(), lead.card().company(),
                    lead.project(), open.projectNames().getOrDefault(lead.project(), lead.project().toString()),
                    lead.assignee(), lead.assignee() == null ? null : ownerNames.get(lead.assignee()),
                    f.dueAt().atZone(zone));
            if (f.dueAt().isBefore(now)) {
                overdue.add(entry);
            } else if (f.dueAt().isBefore(tomorrow)) {
                dueToday.add(entry);
            } else {
                upcoming.add(entry);
            }
        }
        return new FollowUpOverview(today, zone, overdue, dueToday, upcoming);
    }

    /** What an overview shows, in three statements whatever its size: follow-ups, their leads, the projects. */
    private static Open open(StoreSession s, TenantId tenant, UserId user) {
        List<FollowUp> followUps = s.followUps().findOpenByOwner(tenant, user, OVERVIEW_LIMIT);
        if (followUps.isEmpty()) {
            return new Open(followUps, Map.of(), Map.of());
        }
        Map<LeadId, Lead> leads = new HashMap<>();
        for (Lead lead : s.leads().findAll(tenant, followUps.stream().map(FollowUp::lead).distinct().toList())) {
            leads.put(lead.id(), lead);
        }
        Map<ProjectId, String> projectNames = new HashMap<>();
        for (Project project : s.projects().findAll(tenant)) {
            projectNames.put(project.id(), project.name());
        }
        return new Open(followUps, leads, projectNames);
    }

    private record Open(List<FollowUp> followUps, Map<LeadId, Lead> leads, Map<ProjectId, String> projectNames) {
    }

    @Override
    public List<FollowUp> failedReminders(Actor actor) {
        ctx.requireConfigure(actor);
        return ctx.read(s -> s.reminders().findFailed(actor.tenant(), OVERVIEW_LIMIT));
    }

    /** Activity on the lead now, and its next due time in step with its follow-ups. */
    private static void refreshLead(Tx tx, Lead lead) {
        tx.touch(lead.id());
        tx.refreshNextFollowUp(lead.id());
    }
}
