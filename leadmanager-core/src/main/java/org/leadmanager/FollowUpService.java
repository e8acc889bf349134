package org.leadmanager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.spi.host.UserInfo;

final class FollowUpService implements FollowUps {
    /** Most open follow-ups one overview lists. */
    static final int OVERVIEW_LIMIT = 1000;
    /** How far ahead a follow-up may be due. */
    static final Duration MAX_AHEAD = Duration.ofDays(366L * 100);

    private final Context ctx;

    FollowUpService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public FollowUp schedule(Actor actor, LeadId leadId, Instant dueAt, String note, UserId owner) {
        Instant due = dueAt.truncatedTo(ChronoUnit.MICROS);
        return ctx.write(actor, tx -> {
            requireNotPast(tx, due, "dueAt");
            Lead lead = changeableLead(tx, leadId);
            UserId who = owner != null ? owner
                    : lead.assignee() != null && ctx.users.isActive(actor.tenant(), lead.assignee()) ? lead.assignee()
                    : actor.user();
            if (!ctx.users.isActive(actor.tenant(), who)) {
                throw ValidationException.of("owner", "InactiveUser", "user " + who + " is unknown or inactive",
                        "user", who);
            }
            FollowUp followUp = FollowUp.schedule(new FollowUpId(ctx.ids.next()), actor.tenant(), leadId,
                    lead.project(), who, due, note, actor.user(), tx.now);
            tx.s.followUps().insert(followUp);
            refreshLead(tx, lead);
            tx.activity(leadId, ActivityType.FOLLOW_UP_SCHEDULED, null, due, note);
            tx.emit(new DomainEvent.FollowUpScheduled(followUp.id(), leadId, who, due));
            return followUp;
        });
    }

    @Override
    public FollowUp complete(Actor actor, FollowUpId id) {
        return close(actor, id, FollowUp::complete, ActivityType.FOLLOW_UP_COMPLETED,
                f -> new DomainEvent.FollowUpCompleted(f.id(), f.lead()));
    }

    @Override
    public FollowUp cancel(Actor actor, FollowUpId id) {
        return close(actor, id, FollowUp::cancel, ActivityType.FOLLOW_UP_CANCELLED,
                f -> new DomainEvent.FollowUpCancelled(f.id(), f.lead()));
    }

    private FollowUp close(Actor actor, FollowUpId id, BiFunction<FollowUp, Instant, FollowUp> change,
            ActivityType type, java.util.function.Function<FollowUp, DomainEvent> event) {
        return ctx.write(actor, tx -> {
            FollowUp followUp = openFollowUp(tx, id);
            Lead lead = changeableLead(tx, followUp.lead());
            FollowUp stored = tx.s.followUps().update(change.apply(followUp, tx.now));
            refreshLead(tx, lead);
            tx.activity(lead.id(), type, null, id, null);
            tx.emit(event.apply(stored));
            return stored;
        });
    }

    @Override
    public FollowUp snooze(Actor actor, FollowUpId id, Duration by) {
        if (by.isNegative() || by.isZero() || by.compareTo(MAX_AHEAD) > 0) {
            throw ValidationException.of("by", "Duration", "must be positive and at most " + MAX_AHEAD.toDays()
                    + " days, was " + by, "max", MAX_AHEAD);
        }
        return ctx.write(actor, tx -> {
            FollowUp followUp = openFollowUp(tx, id);
            Instant base = followUp.dueAt().isAfter(tx.now) ? followUp.dueAt() : tx.now;
            return move(tx, followUp, base.plus(by).truncatedTo(ChronoUnit.MICROS));
        });
    }

    @Override
    public FollowUp reschedule(Actor actor, FollowUpId id, Instant dueAt) {
        Instant due = dueAt.truncatedTo(ChronoUnit.MICROS);
        return ctx.write(actor, tx -> {
            requireNotPast(tx, due, "dueAt");
            return move(tx, openFollowUp(tx, id), due);
        });
    }

    private FollowUp move(Tx tx, FollowUp followUp, Instant due) {
        Lead lead = changeableLead(tx, followUp.lead());
        FollowUp stored = tx.s.followUps().update(followUp.rescheduled(due));
        refreshLead(tx, lead);
        tx.activity(lead.id(), ActivityType.FOLLOW_UP_RESCHEDULED, followUp.dueAt(), due, null);
        tx.emit(new DomainEvent.FollowUpRescheduled(followUp.id(), lead.id(), due));
        return stored;
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
        List<FollowUp> open = ctx.read(s -> s.followUps().findOpenByOwner(actor.tenant(), user, OVERVIEW_LIMIT));
        List<FollowUp> overdue = new ArrayList<>();
        List<FollowUp> dueToday = new ArrayList<>();
        List<FollowUp> upcoming = new ArrayList<>();
        for (FollowUp f : open) {
            if (f.dueAt().isBefore(now)) {
                overdue.add(f);
            } else if (f.dueAt().isBefore(tomorrow)) {
                dueToday.add(f);
            } else {
                upcoming.add(f);
            }
        }
        return new FollowUpOverview(today, zone, overdue, dueToday, upcoming);
    }

    @Override
    public List<FollowUp> failedReminders(Actor actor) {
        ctx.requireConfigure(actor);
        return ctx.read(s -> s.reminders().findFailed(actor.tenant(), OVERVIEW_LIMIT));
    }

    private static void requireNotPast(Tx tx, Instant due, String path) {
        if (due.isBefore(tx.now)) {
            throw ValidationException.of(path, "Past", "must not be in the past: " + due + " is before " + tx.now,
                    "now", tx.now);
        }
        if (due.isAfter(tx.now.plus(MAX_AHEAD))) {
            throw ValidationException.of(path, "TooFarAhead", "must be at most " + MAX_AHEAD.toDays()
                    + " days ahead, was " + due, "max", tx.now.plus(MAX_AHEAD));
        }
    }

    private FollowUp openFollowUp(Tx tx, FollowUpId id) {
        FollowUp followUp = tx.s.followUps().find(tx.actor.tenant(), id)
                .orElseThrow(() -> new NotFoundException("follow-up", id));
        if (!followUp.open()) {
            throw new ConflictException("follow-up " + id + " is " + followUp.state() + ", not OPEN");
        }
        return followUp;
    }

    private Lead changeableLead(Tx tx, LeadId id) {
        Lead lead = ctx.lead(tx.s, tx.actor, id);
        ctx.requireChange(tx.actor, ctx.project(tx.s, tx.actor, lead.project()), lead);
        return lead;
    }

    /**
     * Keeps the lead's earliest open due time (used by search) in step with its follow-ups, without touching its
     * version: the lead's lock comes first, so the follow-ups read after it include every change committed before.
     */
    private static void refreshLead(Tx tx, Lead lead) {
        tx.touch(lead.id());
        tx.s.leads().setNextFollowUpAt(tx.actor.tenant(), lead.id(), LeadService.earliestOpenDue(tx, lead.id()));
    }
}
