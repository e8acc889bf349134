package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.LOST;
import static org.leadmanager.tck.TckFixture.NEW;
import static org.leadmanager.tck.TckFixture.OFFER;
import static org.leadmanager.tck.TckFixture.WON;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadmanager.Funnel;
import org.leadmanager.Reports;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;

/**
 * The conversion funnel with a test clock: what it counts for a window of days, its slices per owner and source, the
 * time on a status, the ageing of open leads, and that erasure, merges and retired statuses leave it as the
 * documented rules say. {@link KeptCountsProperties} checks it against a recount after random commands.
 */
public abstract class FunnelContract extends ContractBase {
    private static final Duration HOUR = Duration.ofHours(1);

    private LocalDate today() {
        return LocalDate.ofInstant(fx.clock.instant(), ZoneOffset.UTC);
    }

    private Funnel funnel(ProjectId project, LocalDate from, LocalDate to, Funnel.Breakdown by) {
        return lm().reports().funnel(manager(), new Reports.FunnelQuery(project, from, to, by));
    }

    private Funnel.Slice whole(ProjectId project, LocalDate from, LocalDate to) {
        Funnel funnel = funnel(project, from, to, Funnel.Breakdown.PROJECT);
        assertEquals(1, funnel.slices().size(), "one slice for the whole project");
        return funnel.slices().get(0);
    }

    @Test
    void aWindowCountsWhatHappenedInItAndTheOpenLeadsAsTheyAreNow() {
        Project project = fx.project();
        LocalDate day1 = today();
        Lead a = fx.lead(project.id(), "Ada");
        Lead b = fx.lead(project.id(), "Bert");
        Lead c = fx.lead(project.id(), "Cleo");
        fx.clock.advance(HOUR.multipliedBy(2));
        lm().leads().changeStatus(manager(), a.id(), CONTACTED);
        fx.clock.advance(Duration.ofDays(1));
        LocalDate day2 = today();
        lm().leads().convert(manager(), a.id());
        lm().leads().disqualify(manager(), b.id(), "Zu teuer!");

        Funnel.Slice both = whole(project.id(), day1, day2);
        assertEquals(3, both.qualified());
        assertEquals(1, both.converted());
        assertEquals(1, both.lost());
        assertEquals(1.0 / 3, both.conversionRate(), 1e-9);
        assertEquals(1.0 / 3, both.lossRate(), 1e-9);
        Funnel.Stage onNew = both.stage(NEW).orElseThrow();
        assertEquals(new LeadStatus(NEW, "New", StatusCategory.OPEN),
                new LeadStatus(onNew.status(), onNew.label(), onNew.category()));
        assertEquals(3, onNew.entered());
        assertEquals(2, onNew.left());
        assertEquals(1, onNew.open(), "Cleo is still new");
        // a stayed 2 hours, b 26 hours: the median is a's, the 90th percentile b's, each at its bucket's end
        assertBucketEnd(HOUR.multipliedBy(2), onNew.medianStay());
        assertBucketEnd(HOUR.multipliedBy(26), onNew.p90Stay());
        Funnel.Stage contacted = both.stage(CONTACTED).orElseThrow();
        assertEquals(List.of(1L, 1L, 0L), List.of(contacted.entered(), contacted.left(), contacted.open()));
        assertBucketEnd(Duration.ofDays(1), contacted.medianStay());
        Funnel.Stage won = both.stage(WON).orElseThrow();
        assertEquals(List.of(1L, 0L, 0L), List.of(won.entered(), won.left(), won.open()),
                "a WON status has no open leads");
        assertNull(won.medianStay(), "nobody left it");
        assertEquals(List.of(new Funnel.Reason("zu-teuer", null, 1)), both.lostReasons(), "a free reason, by key");
        assertEquals(5, both.stages().size(), "every status of the project");

        Funnel.Slice first = whole(project.id(), day1, day1);
        assertEquals(List.of(3L, 0L, 0L), List.of(first.qualified(), first.converted(), first.lost()));
        assertEquals(1, first.stage(NEW).orElseThrow().left(), "only a left new on day 1");
        assertEquals(List.of(), first.lostReasons());
        assertEquals(1, first.stage(NEW).orElseThrow().open(), "open leads are counted as they are now");

        Funnel.Slice second = whole(project.id(), day2, day2);
        assertEquals(List.of(0L, 1L, 1L), List.of(second.qualified(), second.converted(), second.lost()));
        assertEquals(0, second.conversionRate(), "no lead qualified in the window");

        fx.clock.advance(Duration.ofDays(9));
        List<Long> ageing = whole(project.id(), day1, day1).ageing().stream().map(Funnel.Age::leads).toList();
        assertEquals(List.of(0L, 0L, 0L, 1L, 0L, 0L, 0L), ageing, "Cleo is 10 days old: the band 7 to 14 days");
        assertEquals(List.of(0, 1, 3, 7, 14, 30, 90),
                whole(project.id(), day1, day1).ageing().stream().map(Funnel.Age::fromDays).toList());
    }

    private static void assertBucketEnd(Duration stay, Duration reported) {
        assertEquals(true, reported.compareTo(stay) > 0 && reported.toMillis() <= stay.toMillis() * 1.19 + 1000,
                "reported " + reported + " for a stay of " + stay + ": above it, by at most 19%");
    }

    @Test
    void slicesPerOwnerCountUnderTheOwnerAtTheTimeAndSlicesPerSourceUnderTheSource() {
        Project project = fx.projectWithTeam("Owners", fx.alice, fx.bob);
        LocalDate day = today();
        Lead manual = fx.lead(project.id(), "Ada");
        MarketingActionId action = lm().qualification().createAction(manager(), "Mailing", Set.of(project.id()))
                .id();
        Lead responded = lm().qualification().actionResponse(fx.system(), action, fx.contact("Bert")).get(0).lead();
        lm().leads().assign(manager(), manual.id(), fx.alice);
        lm().leads().changeStatus(manager(), manual.id(), CONTACTED);
        lm().leads().assign(manager(), manual.id(), fx.bob);
        lm().leads().convert(manager(), manual.id());

        Funnel byOwner = funnel(project.id(), day, day, Funnel.Breakdown.OWNER);
        assertEquals(List.of(fx.alice, fx.bob), byOwner.slices().subList(0, 2).stream().map(Funnel.Slice::owner)
                .toList());
        Funnel.Slice alice = byOwner.slices().get(0);
        assertEquals(1, alice.stage(CONTACTED).orElseThrow().entered(), "alice owned it when it was contacted");
        assertEquals(0, alice.converted());
        assertEquals(0, alice.stage(CONTACTED).orElseThrow().open(), "open leads go with their owner now");
        Funnel.Slice bob = byOwner.slices().get(1);
        assertEquals(1, bob.converted(), "bob owned it when it was won");
        Funnel.Slice unowned = byOwner.slices().get(2);
        assertNull(unowned.owner(), "the unowned slice comes last");
        assertEquals(2, unowned.qualified(), "both were qualified without an owner");
        assertEquals(1, unowned.stage(NEW).orElseThrow().open(), "Bert is open and unowned");

        Funnel bySource = funnel(project.id(), day, day, Funnel.Breakdown.SOURCE);
        assertEquals(List.of(OriginKind.MANUAL, OriginKind.ACTION),
                bySource.slices().stream().map(Funnel.Slice::sourceKind).toList());
        assertNull(bySource.slices().get(0).sourceReference());
        assertEquals(action.toString(), bySource.slices().get(1).sourceReference());
        assertEquals(List.of(1L, 1L), bySource.slices().stream().map(Funnel.Slice::qualified).toList());
        assertEquals(List.of(1L, 0L), bySource.slices().stream().map(Funnel.Slice::converted).toList());
        assertEquals(responded.project(), bySource.project());
    }

    @Test
    void anErasedLeadLeavesNoTraceAndAMergedOneKeepsWhatItDid() {
        Project project = fx.project();
        LocalDate day = today();
        Lead erased = fx.lead(project.id(), "Eve");
        lm().leads().disqualify(manager(), erased.id(), "no budget");
        Lead kept = fx.lead(project.id(), "Kai");
        lm().leads().changeStatus(manager(), kept.id(), OFFER);
        Lead target = fx.lead(project.id(), "Kai Again");
        fx.clock.advance(HOUR);
        Funnel.Slice before = whole(project.id(), day, day);
        assertEquals(List.of(3L, 1L), List.of(before.qualified(), before.lost()));

        lm().privacy().erase(manager(), erased.contact(), ErasureReason.REQUEST);
        lm().leads().contactsMerged(manager(), kept.contact(), target.contact());

        Funnel.Slice after = whole(project.id(), day, day);
        assertEquals(2, after.qualified(), "the erased lead is gone, the merged one still was qualified");
        assertEquals(0, after.lost());
        assertEquals(List.of(), after.lostReasons());
        assertEquals(1, after.stage(OFFER).orElseThrow().entered(), "the merged lead's move stays counted");
        assertEquals(0, after.stage(OFFER).orElseThrow().open(), "but it is no lead any more");
        assertEquals(1, after.stage(NEW).orElseThrow().open(), "the surviving lead");
        FunnelAgreement.assertAgree(fx, project.id(), "after an erasure and a merge");

        // erasing the surviving lead takes what was folded into it along: its timeline held that history
        lm().privacy().erase(manager(), target.contact(), ErasureReason.REQUEST);
        Funnel.Slice none = whole(project.id(), day, day);
        assertEquals(List.of(0L, 0L, 0L), List.of(none.qualified(), none.stage(OFFER).orElseThrow().entered(),
                none.stage(NEW).orElseThrow().left()));
        FunnelAgreement.assertAgree(fx, project.id(), "after erasing a lead with a merged one in it");
    }

    @Test
    void listedLostReasonsAreCountedByTheirLabelAndFreeOnesBesideThem() {
        Project project = fx.project();
        LocalDate day = today();
        lm().projects().setLostReasons(manager(), project.id(), List.of("Zu teuer", "Kein Bedarf", "Mitbewerber"));
        assertEquals(List.of("Zu teuer", "Kein Bedarf", "Mitbewerber"), fx.reload(project.id()).lostReasons().stream()
                .map(org.leadmanager.domain.project.LostReason::label).toList());
        Lead typed = fx.lead(project.id(), "Ada");
        Lead picked = fx.lead(project.id(), "Bert");
        Lead free = fx.lead(project.id(), "Cleo");
        Lead freeToo = fx.lead(project.id(), "Dora");

        assertEquals("Zu teuer", lm().leads().disqualify(manager(), typed.id(), "  zu TEUER! ").lostReason(),
                "a text making a listed reason's key is kept as that reason");
        lm().leads().disqualify(manager(), picked.id(), "Zu teuer");
        assertEquals("Budget im nächsten Jahr", lm().leads().disqualify(manager(), free.id(),
                "Budget im nächsten Jahr").lostReason(), "any other text is kept as given");
        lm().leads().disqualify(manager(), freeToo.id(), "budget im naechsten jahr");

        assertEquals(List.of(new Funnel.Reason("zu-teuer", "Zu teuer", 2),
                        new Funnel.Reason("kein-bedarf", "Kein Bedarf", 0),
                        new Funnel.Reason("mitbewerber", "Mitbewerber", 0),
                        new Funnel.Reason("budget-im-naechsten-jahr", null, 2)),
                whole(project.id(), day, day).lostReasons(), "listed reasons in their order, then free ones");

        rejectsInput("labels[1]", () -> lm().projects().setLostReasons(manager(), project.id(),
                List.of("Zu teuer", "zu teuer!")));
        rejectsInput("labels[0].label", () -> lm().projects().setLostReasons(manager(), project.id(),
                List.of("---")));
        rejectsInput("labels", () -> lm().projects().setLostReasons(manager(), project.id(),
                java.util.Collections.nCopies(51, "x")));
        rejectsInput("labels[1].label", () -> lm().projects().setLostReasons(manager(), project.id(),
                List.of("Zu teuer", "Kein\nBedarf")));
        rejectsInput("labels[0]", () -> lm().projects().setLostReasons(manager(), project.id(),
                List.of("Kein \u0000 Bedarf")));
        rejectsInput("labels[0].label", () -> lm().projects().setLostReasons(manager(), project.id(),
                List.of("x".repeat(201))));
        rejects(ValidationException.class, () -> lm().projects().setLostReasons(manager(), project.id(),
                java.util.Arrays.asList("Zu teuer", null)));
        rejects(org.leadmanager.error.AccessDeniedException.class, () -> lm().projects().setLostReasons(
                fx.agent(fx.alice), project.id(), List.of("Zu teuer")));
        assertEquals(List.of(), lm().projects().setLostReasons(manager(), project.id(), List.of()).lostReasons());
        assertEquals(List.of(new Funnel.Reason("budget-im-naechsten-jahr", null, 2),
                        new Funnel.Reason("zu-teuer", null, 2)),
                whole(project.id(), day, day).lostReasons(),
                "a reason no longer listed is still counted by its key; ties by key");

        // a long listed reason is the same reason only for its whole text, not for the 40 characters of its key
        String longReason = "Kein Budget im laufenden Geschäftsjahr wegen Kürzungen";
        lm().projects().setLostReasons(manager(), project.id(), List.of(longReason));
        Lead same = fx.lead(project.id(), "Emil");
        Lead other = fx.lead(project.id(), "Frida");
        assertEquals(longReason, lm().leads().disqualify(manager(), same.id(),
                "kein budget im laufenden geschaeftsjahr wegen kuerzungen!").lostReason());
        String sharingTheKey = "Kein Budget im laufenden Geschäftsjahr, sagt der Einkauf";
        assertEquals(sharingTheKey, lm().leads().disqualify(manager(), other.id(), sharingTheKey).lostReason(),
                "a text whose key only begins like the reason's is kept as given");
    }

    @Test
    void aRetiredStatusKeepsItsFiguresWithoutLabelOrCategory() {
        Project project = fx.project();
        LocalDate day = today();
        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), OFFER);
        lm().projects().retireStatus(manager(), project.id(), OFFER, CONTACTED);

        Funnel.Slice slice = whole(project.id(), day, day);
        Funnel.Stage retired = slice.stages().get(slice.stages().size() - 1);
        assertEquals(OFFER, retired.status());
        assertNull(retired.label());
        assertNull(retired.category());
        assertEquals(List.of(1L, 1L), List.of(retired.entered(), retired.left()));
        assertEquals(1, slice.stage(CONTACTED).orElseThrow().open(), "its lead moved on");
        FunnelAgreement.assertAgree(fx, project.id(), "after a retirement");
    }

    @Test
    void aWindowOfWholeMonthsAndEdgeDaysCountsWhatItsDaysCountOneByOne() {
        Project project = fx.projectWithTeam("Months", fx.alice, fx.bob);
        List<Lead> moving = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        // about four months of history, a step every 29 hours: a lead qualified, leads moving on, some lost
        for (int step = 0; step < 102; step++) {
            Lead lead = fx.lead(project.id(), "Lead " + step);
            if (step % 3 != 2) {
                lm().leads().assign(manager(), lead.id(), step % 3 == 0 ? fx.alice : fx.bob);
            }
            moving.add(lead);
            steps.add(0);
            for (int i = moving.size() - 1; i >= 0 && i >= moving.size() - 6; i -= 2) {
                Lead next = moving.get(i);
                int at = steps.get(i);
                if (at == 1 && i % 5 == 0) {
                    lm().leads().assign(manager(), next.id(), fx.bob);
                }
                if (at == 0) {
                    lm().leads().changeStatus(manager(), next.id(), CONTACTED);
                } else if (at == 1 && (i + step) % 4 == 0) {
                    lm().leads().disqualify(manager(), next.id(), i % 2 == 0 ? "Zu teuer" : "Kein Bedarf");
                } else if (at == 1) {
                    lm().leads().changeStatus(manager(), next.id(), OFFER);
                } else if (at == 2) {
                    lm().leads().convert(manager(), next.id());
                }
                steps.set(i, at + 1);
            }
            fx.clock.advance(HOUR.multipliedBy(29));
        }
        LocalDate today = today();
        assertEquals(LocalDate.of(2026, 7, 1), today.withDayOfMonth(1), "the history reaches into July");
        List<LocalDate[]> windows = List.of(
                // partial months at both edges, April and May whole
                new LocalDate[] {LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 10)},
                // exactly April and May
                new LocalDate[] {LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31)},
                // from a month's first day to the middle of a month, and from the middle to a month's last day
                new LocalDate[] {LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 10)},
                new LocalDate[] {LocalDate.of(2026, 3, 15), LocalDate.of(2026, 5, 31)},
                // across a month's end without a whole month, and one whole month
                new LocalDate[] {LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1)},
                new LocalDate[] {LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)},
                // whole months around everything, and from the year before into the next
                new LocalDate[] {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 31)},
                new LocalDate[] {LocalDate.of(2025, 12, 31), LocalDate.of(2027, 1, 1)});
        for (LocalDate[] window : windows) {
            for (Funnel.Breakdown by : Funnel.Breakdown.values()) {
                FunnelAgreement.assertAgree(lm(), manager(), project.id(), window[0], window[1], by, today,
                        "history over months");
            }
        }
        for (Funnel.Breakdown by : List.of(Funnel.Breakdown.PROJECT, Funnel.Breakdown.OWNER)) {
            LocalDate from = windows.get(0)[0];
            LocalDate to = windows.get(0)[1];
            Map<String, Long> dayByDay = new TreeMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                additive(funnel(project.id(), day, day, by), dayByDay);
            }
            Map<String, Long> window = additive(funnel(project.id(), from, to, by), new TreeMap<>());
            assertEquals(dayByDay, window, "the window " + from + " to " + to + " by " + by
                    + " sums its days one by one");
            assertTrue(window.getOrDefault("null qualified", 0L) + window.getOrDefault(fx.alice + " qualified", 0L)
                    > 0, "the window holds figures");
        }
    }

    /** The figures of a funnel that add up over its days, by slice (owner) and name, added to {@code into}. */
    private static Map<String, Long> additive(Funnel funnel, Map<String, Long> into) {
        for (Funnel.Slice slice : funnel.slices()) {
            String name = slice.owner() + " ";
            into.merge(name + "qualified", slice.qualified(), Long::sum);
            into.merge(name + "converted", slice.converted(), Long::sum);
            into.merge(name + "lost", slice.lost(), Long::sum);
            for (Funnel.Stage stage : slice.stages()) {
                into.merge(name + stage.status().value() + " entered", stage.entered(), Long::sum);
                into.merge(name + stage.status().value() + " left", stage.left(), Long::sum);
            }
            for (Funnel.Reason reason : slice.lostReasons()) {
                into.merge(name + "reason " + reason.key(), reason.leads(), Long::sum);
            }
        }
        into.values().removeIf(n -> n == 0);
        return into;
    }

    @Test
    void aFunnelIsReadInTheActorsTenantWithAWindowThatMakesSense() {
        Project project = fx.project();
        LocalDate day = today();
        rejectsInput("to", () -> funnel(project.id(), day, day.minusDays(1), Funnel.Breakdown.PROJECT));
        rejectsInput("to", () -> funnel(project.id(), day, day.plusDays(3_660), Funnel.Breakdown.PROJECT));
        rejectsInput("from", () -> funnel(project.id(), LocalDate.of(9999, 12, 30), LocalDate.of(10000, 1, 2),
                Funnel.Breakdown.PROJECT));
        assertEquals(0, whole(project.id(), LocalDate.of(9999, 12, 31), LocalDate.of(9999, 12, 31)).qualified(),
                "the last day a window may hold");
        rejectsInput("query.by", () -> lm().reports().funnel(manager(),
                new Reports.FunnelQuery(project.id(), day, day, null)));
        TckFixture other = fx.otherTenant();
        rejects(NotFoundException.class, () -> other.lm.reports().funnel(other.manager,
                new Reports.FunnelQuery(project.id(), day, day, Funnel.Breakdown.PROJECT)));
        Funnel empty = funnel(project.id(), day, day.plusDays(3_659), Funnel.Breakdown.OWNER);
        assertEquals(List.of(), empty.slices(), "no owner has figures yet");
        assertEquals(List.of(0L), whole(project.id(), day, day).stages().stream().map(Funnel.Stage::entered)
                .distinct().toList(), "an empty project's funnel is all zeros");
    }
}
