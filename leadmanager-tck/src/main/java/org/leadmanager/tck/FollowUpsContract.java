package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.FollowUpState;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;

/** Capability 5: follow-ups (Wiedervorlage) and the overview. Reminders are in {@link RemindersContract}. */
public abstract class FollowUpsContract extends ContractBase {

    private Instant at(String instant) {
        return Instant.parse(instant);
    }

    private Lead leadOf(UserId owner) {
        Project project = fx.project();
        Lead lead = fx.lead(project.id());
        return owner == null ? lead : lm().leads().assign(manager(), lead.id(), owner);
    }

    private FollowUp schedule(Lead lead, Instant due) {
        return lm().followUps().schedule(manager(), lead.id(), due, "Call back");
    }

    private static List<FollowUpId> ids(List<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::id).toList();
    }

    private static List<FollowUpId> entryIds(List<FollowUpOverview.Entry> entries) {
        return entries.stream().map(e -> e.followUp().id()).toList();
    }

    @Test
    void theOwnerDefaultsToTheLeadsAssignee() {
        Lead lead = leadOf(fx.alice);
        Instant due = fx.clock.instant().plus(Duration.ofDays(1));

        FollowUp followUp = lm().followUps().schedule(manager(), lead.id(), due, "Send the offer");

        assertEquals(fx.alice, followUp.owner());
        FollowUp read = lm().followUps().forLead(manager(), lead.id()).get(0);
        assertEquals(followUp.id(), read.id());
        assertEquals(fx.alice, read.owner());
        assertEquals(due, read.dueAt());
        assertEquals("Send the offer", read.note());
        assertEquals(FollowUpState.OPEN, read.state());
        assertEquals(ReminderState.PENDING, read.reminder());
        assertEquals(fx.mia, read.createdBy());
        assertEquals(fx.clock.instant(), read.createdAt());
        assertEquals(lead.project(), read.project());
        assertEquals(due, fx.reload(lead.id()).nextFollowUpAt());
    }

    @Test
    void theOwnerDefaultsToTheActorForAnUnassignedLead() {
        Lead lead = leadOf(null);
        FollowUp followUp = schedule(lead, fx.clock.instant().plus(Duration.ofHours(2)));
        assertEquals(fx.mia, followUp.owner());
    }

    @Test
    void theOwnerDefaultsToTheActorWhenTheAssigneeIsInactive() {
        Lead lead = leadOf(fx.alice);
        fx.users.setActive(fx.tenant, fx.alice, false);
        FollowUp followUp = schedule(lead, fx.clock.instant().plus(Duration.ofHours(2)));
        assertEquals(fx.mia, followUp.owner());
    }

    @Test
    void dueTimesMoreThanACenturyAheadAreRejected() {
        Lead lead = leadOf(fx.alice);
        Duration tooFar = Duration.ofDays(366L * 100 + 1);
        FollowUp followUp = schedule(lead, fx.clock.instant().plus(Duration.ofDays(365L * 99)));
        rejectsInput("dueAt", () -> schedule(lead, fx.clock.instant().plus(tooFar)));
        rejectsInput("dueAt", () -> lm().followUps().reschedule(manager(), followUp.id(),
                fx.clock.instant().plus(tooFar)));
        rejectsInput("by", () -> lm().followUps().snooze(manager(), followUp.id(), tooFar));
        // snoozes add up, but never past the window a new follow-up has
        rejectsInput("by", () -> lm().followUps().snooze(manager(), followUp.id(), Duration.ofDays(365L * 2)));
        assertEquals(followUp.dueAt(), lm().followUps().forLead(manager(), lead.id()).get(0).dueAt(),
                "a refused snooze changes nothing");
        FollowUp snoozed = lm().followUps().snooze(manager(), followUp.id(), Duration.ofDays(365));
        assertEquals(followUp.dueAt().plus(Duration.ofDays(365)), snoozed.dueAt());
    }

    @Test
    void anExplicitOwnerMustBeActive() {
        Lead lead = leadOf(fx.alice);
        Instant due = fx.clock.instant().plus(Duration.ofHours(2));
        assertEquals(fx.bob, lm().followUps().schedule(manager(), lead.id(), due, "For Bob", fx.bob).owner());
        rejectsInput("owner", () -> lm().followUps().schedule(manager(), lead.id(), due, "For Ivan", fx.ivan));
        rejectsInput("owner", () -> lm().followUps().schedule(manager(), lead.id(), due, "?", UserId.of("nobody")));
    }

    @Test
    void aDueTimeInThePastIsRejectedButNowIsFine() {
        Lead lead = leadOf(fx.alice);
        rejectsInput("dueAt", () -> schedule(lead, fx.clock.instant().minusNanos(1000)));
        FollowUp now = schedule(lead, fx.clock.instant());
        assertEquals(fx.clock.instant(), now.dueAt());
    }

    @Test
    void dueTimesAreKeptToTheMicrosecond() {
        Lead lead = leadOf(fx.alice);
        Instant precise = fx.clock.instant().plus(Duration.ofDays(1)).plusNanos(123_456_789);

        FollowUp followUp = schedule(lead, precise);

        Instant micros = fx.clock.instant().plus(Duration.ofDays(1)).plusNanos(123_456_000);
        assertEquals(micros, followUp.dueAt());
        assertEquals(micros, lm().followUps().forLead(manager(), lead.id()).get(0).dueAt());
        assertEquals(micros, fx.reload(lead.id()).nextFollowUpAt());
    }

    @Test
    void completingOrCancellingClosesAFollowUpForGood() {
        Lead lead = leadOf(fx.alice);
        Instant soon = fx.clock.instant().plus(Duration.ofHours(1));
        Instant later = fx.clock.instant().plus(Duration.ofHours(5));
        FollowUp first = schedule(lead, soon);
        FollowUp second = schedule(lead, later);
        FollowUp third = schedule(lead, later.plusSeconds(60));
        fx.clock.advance(Duration.ofMinutes(3));

        FollowUp completed = lm().followUps().complete(manager(), first.id());

        assertEquals(FollowUpState.COMPLETED, completed.state());
        assertEquals(fx.clock.instant(), completed.closedAt());
        assertEquals(later, fx.reload(lead.id()).nextFollowUpAt(), "the next open one counts");
        FollowUp cancelled = lm().followUps().cancel(manager(), second.id());
        assertEquals(FollowUpState.CANCELLED, cancelled.state());
        assertEquals(later.plusSeconds(60), fx.reload(lead.id()).nextFollowUpAt());
        lm().followUps().cancel(manager(), third.id());
        assertNull(fx.reload(lead.id()).nextFollowUpAt());

        rejects(ConflictException.class, () -> lm().followUps().complete(manager(), first.id()));
        rejects(ConflictException.class, () -> lm().followUps().cancel(manager(), first.id()));
        rejects(ConflictException.class, () -> lm().followUps().complete(manager(), second.id()));
        rejects(ConflictException.class, () -> lm().followUps().snooze(manager(), first.id(), Duration.ofHours(1)));
        rejects(ConflictException.class, () -> lm().followUps().reschedule(manager(), second.id(), later));
        List<FollowUp> all = lm().followUps().forLead(manager(), lead.id());
        assertEquals(List.of(FollowUpState.COMPLETED, FollowUpState.CANCELLED, FollowUpState.CANCELLED),
                all.stream().map(FollowUp::state).toList());
    }

    @Test
    void snoozingPostponesFromTheDueTimeOrFromNowIfOverdue() {
        Lead lead = leadOf(fx.alice);
        Instant due = fx.clock.instant().plus(Duration.ofHours(2));
        FollowUp followUp = schedule(lead, due);

        FollowUp snoozed = lm().followUps().snooze(manager(), followUp.id(), Duration.ofMinutes(30));
        assertEquals(due.plus(Duration.ofMinutes(30)), snoozed.dueAt());
        assertEquals(due.plus(Duration.ofMinutes(30)), fx.reload(lead.id()).nextFollowUpAt());

        fx.clock.advance(Duration.ofHours(5));
        FollowUp again = lm().followUps().snooze(manager(), followUp.id(), Duration.ofMinutes(30));
        assertEquals(fx.clock.instant().plus(Duration.ofMinutes(30)), again.dueAt());
        assertEquals(again.dueAt(), lm().followUps().forLead(manager(), lead.id()).get(0).dueAt());
    }

    @Test
    void snoozingNeedsAPositiveDuration() {
        FollowUp followUp = schedule(leadOf(fx.alice), fx.clock.instant().plus(Duration.ofHours(2)));
        rejectsInput("by", () -> lm().followUps().snooze(manager(), followUp.id(), Duration.ZERO));
        rejectsInput("by", () -> lm().followUps().snooze(manager(), followUp.id(), Duration.ofMinutes(-5)));
    }

    @Test
    void reschedulingMovesTheDueTimeButNotIntoThePast() {
        Lead lead = leadOf(fx.alice);
        FollowUp followUp = schedule(lead, fx.clock.instant().plus(Duration.ofHours(2)));
        Instant earlier = fx.clock.instant().plus(Duration.ofMinutes(20));

        FollowUp moved = lm().followUps().reschedule(manager(), followUp.id(), earlier);

        assertEquals(earlier, moved.dueAt());
        assertEquals(earlier, fx.reload(lead.id()).nextFollowUpAt());
        rejectsInput("dueAt",
                () -> lm().followUps().reschedule(manager(), followUp.id(), fx.clock.instant().minusSeconds(1)));
    }

    @Test
    void unknownFollowUpIsNotFound() {
        schedule(leadOf(fx.alice), fx.clock.instant().plus(Duration.ofHours(2)));
        FollowUpId unknown = new FollowUpId(java.util.UUID.randomUUID());
        rejects(NotFoundException.class, () -> lm().followUps().complete(manager(), unknown));
        rejects(NotFoundException.class, () -> lm().followUps().cancel(manager(), unknown));
        rejects(NotFoundException.class, () -> lm().followUps().snooze(manager(), unknown, Duration.ofHours(1)));
        rejects(NotFoundException.class,
                () -> lm().followUps().reschedule(manager(), unknown, fx.clock.instant().plusSeconds(60)));
    }

    @Test
    void aLeadsFollowUpsAreListedByDueTime() {
        Lead lead = leadOf(fx.alice);
        FollowUp c = schedule(lead, fx.clock.instant().plus(Duration.ofDays(3)));
        FollowUp a = schedule(lead, fx.clock.instant().plus(Duration.ofDays(1)));
        FollowUp b = schedule(lead, fx.clock.instant().plus(Duration.ofDays(2)));
        lm().followUps().complete(manager(), a.id());
        schedule(leadOf(fx.alice), fx.clock.instant().plus(Duration.ofHours(1)));

        assertEquals(List.of(a.id(), b.id(), c.id()), ids(lm().followUps().forLead(manager(), lead.id())));
    }

    @Test
    void theOverviewSplitsOpenFollowUpsIntoOverdueDueTodayAndUpcoming() {
        Lead lead = leadOf(fx.alice);
        Lead bobs = leadOf(fx.bob);
        FollowUp overdue = schedule(lead, at("2026-03-02T08:30:00Z"));
        FollowUp evening = schedule(lead, at("2026-03-02T20:00:00Z"));
        FollowUp lastMicro = schedule(lead, at("2026-03-02T23:59:59.999999Z"));
        FollowUp midnight = schedule(lead, at("2026-03-03T00:00:00Z"));
        FollowUp nextWeek = schedule(lead, at("2026-03-09T09:00:00Z"));
        FollowUp done = schedule(lead, at("2026-03-02T12:00:00Z"));
        FollowUp dropped = schedule(lead, at("2026-03-05T12:00:00Z"));
        lm().followUps().complete(manager(), done.id());
        lm().followUps().cancel(manager(), dropped.id());
        schedule(bobs, at("2026-03-02T12:00:00Z"));
        TckFixture other = fx.otherTenant();
        Lead foreign = other.lead(other.project().id());
        other.lm.leads().assign(other.manager, foreign.id(), other.alice);
        other.lm.followUps().schedule(other.manager, foreign.id(), at("2026-03-02T12:00:00Z"), "theirs");
        fx.clock.set(at("2026-03-02T09:00:00Z"));

        FollowUpOverview overview = lm().followUps().overview(fx.agent(fx.alice), fx.alice);

        assertEquals(LocalDate.parse("2026-03-02"), overview.today());
        assertEquals(ZoneOffset.UTC, overview.zone().normalized());
        assertEquals(List.of(overdue.id()), entryIds(overview.overdue()));
        assertEquals(List.of(evening.id(), lastMicro.id()), entryIds(overview.dueToday()));
        assertEquals(List.of(midnight.id(), nextWeek.id()), entryIds(overview.upcoming()));
    }

    @Test
    void dueTodayFollowsTheUsersTimeZone() {
        // 08:00 UTC on 2 March is 22:00 on 1 March in Honolulu (UTC-10) and 21:00 on 2 March in Auckland (UTC+13)
        fx.users.setZone(fx.tenant, fx.alice, ZoneId.of("Pacific/Honolulu"));
        fx.users.setZone(fx.tenant, fx.bob, ZoneId.of("Pacific/Auckland"));
        Lead alices = leadOf(fx.alice);
        Lead bobs = leadOf(fx.bob);
        FollowUp honoluluLate = schedule(alices, at("2026-03-02T09:30:00Z"));
        FollowUp honoluluTomorrow = schedule(alices, at("2026-03-02T10:30:00Z"));
        FollowUp aucklandLate = schedule(bobs, at("2026-03-02T10:30:00Z"));
        FollowUp aucklandTomorrow = schedule(bobs, at("2026-03-02T11:30:00Z"));

        FollowUpOverview alice = lm().followUps().overview(manager(), fx.alice);
        FollowUpOverview bob = lm().followUps().overview(manager(), fx.bob);

        assertEquals(LocalDate.parse("2026-03-01"), alice.today(), "Honolulu is still on 1 March");
        assertEquals(ZoneId.of("Pacific/Honolulu"), alice.zone());
        assertEquals(List.of(honoluluLate.id()), entryIds(alice.dueToday()));
        assertEquals(List.of(honoluluTomorrow.id()), entryIds(alice.upcoming()),
                "same UTC date as now, but tomorrow in Honolulu");
        assertEquals(LocalDate.parse("2026-03-02"), bob.today());
        assertEquals(List.of(aucklandLate.id()), entryIds(bob.dueToday()));
        assertEquals(List.of(aucklandTomorrow.id()), entryIds(bob.upcoming()),
                "same UTC date as now, but already 3 March in Auckland");
        assertTrue(alice.overdue().isEmpty() && bob.overdue().isEmpty());
    }

    /**
     * Each entry carries what the overview screen shows beside the follow-up: the lead's contact name and company,
     * its project's name, the lead's owner and their display name (none for an unowned lead or an owner the host no
     * longer knows) and the due time in the user's zone; the user directory is asked once, however many entries.
     */
    @Test
    void overviewEntriesCarryWhatTheScreenShowsAskingTheDirectoryOnce() {
        fx.users.setZone(fx.tenant, fx.alice, ZoneId.of("Europe/Berlin"));
        Project main = fx.project();
        Project fair = fx.project("Messe 2026");
        Lead petra = lm().leads().assign(manager(), fx.lead(main.id(),
                fx.contact(new ContactCard("Petra Berg", null, null, "Kahn IT", null, null))).id(), fx.bob);
        Lead unowned = fx.lead(fair.id(), "Jonas Ehrlich");
        Lead carols = lm().leads().assign(manager(), fx.lead(fair.id(), "Mia Graf").id(), fx.carol);
        Instant now = fx.clock.instant();
        FollowUp callBack = lm().followUps().schedule(manager(), petra.id(), now.plus(Duration.ofHours(1)),
                "call back", fx.alice);
        FollowUp offer = lm().followUps().schedule(manager(), unowned.id(), now.plus(Duration.ofHours(2)),
                "send the offer", fx.alice);
        FollowUp visit = lm().followUps().schedule(manager(), carols.id(), now.plus(Duration.ofHours(3)),
                "visit", fx.alice);
        fx.users.remove(fx.tenant, fx.carol);
        int before = fx.users.lookups();

        FollowUpOverview overview = lm().followUps().overview(fx.agent(fx.alice), fx.alice);

        List<FollowUpOverview.Entry> entries = new ArrayList<>(overview.overdue());
        entries.addAll(overview.dueToday());
        entries.addAll(overview.upcoming());
        assertEquals(List.of(callBack.id(), offer.id(), visit.id()), entryIds(entries));
        FollowUpOverview.Entry first = entries.get(0);
        assertEquals("call back", first.followUp().note());
        assertEquals("Petra Berg", first.contactName());
        assertEquals("Kahn IT", first.company());
        assertEquals(main.id(), first.project());
        assertEquals(main.name(), first.projectName());
        assertEquals(fx.bob, first.leadOwner());
        assertEquals("User " + fx.bob.value(), first.ownerName());
        assertEquals(callBack.dueAt().atZone(ZoneId.of("Europe/Berlin")), first.due());
        FollowUpOverview.Entry unownedEntry = entries.get(1);
        assertEquals("Jonas Ehrlich", unownedEntry.contactName());
        assertNull(unownedEntry.company());
        assertEquals("Messe 2026", unownedEntry.projectName());
        assertNull(unownedEntry.leadOwner());
        assertNull(unownedEntry.ownerName());
        assertEquals(fx.carol, entries.get(2).leadOwner());
        assertNull(entries.get(2).ownerName(), "an owner the directory no longer knows has no name");
        assertEquals(2, fx.users.lookups() - before,
                "one lookup for the overview's user and one for all lead owners of the overview");
    }

    @Test
    void agentsReadOnlyTheirOwnOverview() {
        schedule(leadOf(fx.bob), fx.clock.instant().plus(Duration.ofHours(1)));
        rejects(AccessDeniedException.class, () -> lm().followUps().overview(fx.agent(fx.alice), fx.bob));
        assertEquals(1, lm().followUps().overview(fx.agent(fx.bob), fx.bob).dueToday().size());
        assertEquals(1, lm().followUps().overview(manager(), fx.bob).dueToday().size());
    }

    @Test
    void overviewOfAnUnknownUserIsNotFound() {
        rejects(NotFoundException.class, () -> lm().followUps().overview(manager(), UserId.of("nobody")));
    }
}
