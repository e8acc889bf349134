package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadmanager.Funnel;
import org.leadmanager.LeadManager;
import org.leadmanager.Reports;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.Timeline;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/**
 * Whether a project's funnel, read from the numbers kept as changes commit, equals a recount from what a user can
 * read: every lead's timeline and the leads as they are now. The recount here is written from the documented rules
 * ({@link Funnel}) alone: it walks each timeline, the entries a merge folded in as the history of the lead they
 * came from, and counts into the slices of the owner at the time and of the source.
 */
final class FunnelAgreement {
    private static final int[] AGES = {0, 1, 3, 7, 14, 30, 90};

    private FunnelAgreement() {
    }

    /**
     * Checks every breakdown for a window holding everything, for one of whole months holding everything (read from
     * the numbers per month), and for the window of today only.
     */
    static void assertAgree(TckFixture fx, ProjectId projectId, Object where) {
        LocalDate today = LocalDate.ofInstant(fx.clock.instant(), ZoneOffset.UTC);
        LocalDate first = LocalDate.ofInstant(MutableClock.START, ZoneOffset.UTC).minusDays(1);
        LocalDate monthsFrom = first.withDayOfMonth(1).minusMonths(1);
        LocalDate monthsTo = today.withDayOfMonth(1).plusMonths(2).minusDays(1);
        for (Funnel.Breakdown by : Funnel.Breakdown.values()) {
            assertAgree(fx.lm, fx.manager, projectId, first, today.plusDays(1), by, today, where);
            assertAgree(fx.lm, fx.manager, projectId, monthsFrom, monthsTo, by, today, where);
            assertAgree(fx.lm, fx.manager, projectId, today, today, by, today, where);
        }
    }

    static void assertAgree(LeadManager lm, Actor manager, ProjectId projectId, LocalDate from, LocalDate to,
            Funnel.Breakdown by, LocalDate today, Object where) {
        Project project = lm.projects().get(manager, projectId);
        Map<String, Expected> expected = new TreeMap<>();
        if (by == Funnel.Breakdown.PROJECT) {
            expected.put("project", new Expected());
        }
        for (Lead lead : TenantSnapshot.allLeads(lm, manager, project)) {
            List<Activity> timeline = lm.leads().timeline(manager, lead.id());
            recount(lead, timeline, by, from, to, expected);
            if (category(project, lead.status()) == StatusCategory.OPEN) {
                Expected slice = expected.computeIfAbsent(slice(by, lead.assignee(), lead.origin().kind(),
                        lead.origin().reference()), k -> new Expected());
                slice.open.merge(lead.status(), 1L, Long::sum);
                long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(lead.createdAt(), ZoneOffset.UTC), today);
                int band = 0;
                while (band + 1 < AGES.length && days >= AGES[band + 1]) {
                    band++;
                }
                slice.ageing[band]++;
            }
        }
        Funnel funnel = lm.reports().funnel(manager, new Reports.FunnelQuery(projectId, from, to, by));
        Map<String, String> actual = new TreeMap<>();
        for (Funnel.Slice s : funnel.slices()) {
            String name = by == Funnel.Breakdown.PROJECT ? "project"
                    : slice(by, s.owner(), s.sourceKind(), s.sourceReference());
            actual.put(name, describe(project, s));
        }
        Map<String, String> wanted = new TreeMap<>();
        expected.forEach((name, e) -> {
            String described = e.describe(project);
            if (by == Funnel.Breakdown.PROJECT || !e.empty()) {
                wanted.put(name, described);
            }
        });
        assertEquals(wanted, actual, "funnel of " + project.name() + " by " + by + " from " + from + " to " + to
                + ": " + where);
    }

    /** What one lead's timeline adds to the window's figures. */
    private static void recount(Lead lead, List<Activity> timeline, Funnel.Breakdown by, LocalDate from,
            LocalDate to, Map<String, Expected> expected) {
        // spans: the lead's own entries, and each folded lead's from its qualification entry to the merge's entry
        record Span(Activity qualified, List<Activity> entries) {
        }
        List<Span> spans = new ArrayList<>();
        List<Span> open = new ArrayList<>();
        for (Activity entry : timeline) {
            if (entry.type() == ActivityType.QUALIFIED) {
                Span span = new Span(entry, new ArrayList<>());
                spans.add(span);
                open.add(span);
            } else if (Timeline.isFold(entry)) {
                open.remove(open.size() - 1);
            } else {
                open.get(open.size() - 1).entries().add(entry);
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            boolean own = i == 0;
            StatusKey status = own ? lead.status() : StatusKey.of(span.qualified().to());
            UserId owner = own ? lead.assignee() : span.qualified().from() == null ? null
                    : UserId.of(span.qualified().from());
            OriginKind kind = own ? lead.origin().kind() : Timeline.originOf(span.qualified()).kind();
            String reference = own ? lead.origin().reference() : Timeline.originOf(span.qualified()).reference();
            StatusKey firstStatus = null;
            UserId firstOwner = owner;
            boolean ownerSeen = false;
            for (Activity e : span.entries()) {
                if (e.type() == ActivityType.STATUS_CHANGED && firstStatus == null) {
                    firstStatus = StatusKey.of(e.from());
                }
                if ((e.type() == ActivityType.ASSIGNED || e.type() == ActivityType.UNASSIGNED) && !ownerSeen) {
                    firstOwner = e.from() == null ? null : UserId.of(e.from());
                    ownerSeen = true;
                }
            }
            StatusKey current = firstStatus != null ? firstStatus : status;
            UserId who = firstOwner;
            Instant since = span.qualified().at();
            if (inWindow(since, from, to)) {
                Expected slice = expected.computeIfAbsent(slice(by, who, kind, reference), k -> new Expected());
                slice.qualified++;
                slice.moves.add(new Move(null, current));
            }
            for (Activity e : span.entries()) {
                if (e.type() == ActivityType.ASSIGNED || e.type() == ActivityType.UNASSIGNED) {
                    who = e.to() == null ? null : UserId.of(e.to());
                } else if (e.type() == ActivityType.STATUS_CHANGED) {
                    if (inWindow(e.at(), from, to)) {
                        Expected slice = expected.computeIfAbsent(slice(by, who, kind, reference),
                                k -> new Expected());
                        slice.moves.add(new Move(StatusKey.of(e.from()), StatusKey.of(e.to())));
                        slice.stays.computeIfAbsent(StatusKey.of(e.from()), k -> new ArrayList<>())
                                .add(Duration.between(since, e.at()));
                        if (e.text() != null) {
                            slice.reasons.merge(reasonKey(e.text()), 1L, Long::sum);
                        }
                    }
                    since = e.at();
                }
            }
        }
    }

    private static boolean inWindow(Instant at, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static String slice(Funnel.Breakdown by, UserId owner, OriginKind kind, String reference) {
        return switch (by) {
            case PROJECT -> "project";
            case OWNER -> owner == null ? "~unowned" : "owner " + owner.value();
            case SOURCE -> "source " + kind + " " + reference;
        };
    }

    /** The reason key as documented: the text made a status key, or empty without letters or digits. */
    private static String reasonKey(String text) {
        try {
            return StatusKey.fromLabel(text).value();
        } catch (RuntimeException noLetters) {
            return "";
        }
    }

    private static StatusCategory category(Project project, StatusKey status) {
        return project.findStatus(status).map(LeadStatus::category).orElse(null);
    }

    private record Move(StatusKey from, StatusKey to) {
    }

    /** A slice's figures as the recount finds them. */
    private static final class Expected {
        long qualified;
        final List<Move> moves = new ArrayList<>();
        final Map<StatusKey, List<Duration>> stays = new HashMap<>();
        final Map<String, Long> reasons = new HashMap<>();
        final Map<StatusKey, Long> open = new HashMap<>();
        final long[] ageing = new long[AGES.length];

        boolean empty() {
            return qualified == 0 && moves.isEmpty() && reasons.isEmpty() && open.isEmpty();
        }

        String describe(Project project) {
            long converted = 0;
            long lost = 0;
            Map<StatusKey, long[]> perStatus = new LinkedHashMap<>();
            project.statuses().forEach(s -> perStatus.put(s.key(), new long[2]));
            for (Move m : moves) {
                perStatus.computeIfAbsent(m.to(), k -> new long[2])[0]++;
                if (m.from() != null) {
                    perStatus.computeIfAbsent(m.from(), k -> new long[2])[1]++;
                    StatusCategory to = category(project, m.to());
                    StatusCategory from = category(project, m.from());
                    if (from == null) {
                        continue; // off a retired status: neither a conversion nor a loss
                    }
                    if (to == StatusCategory.WON && from != StatusCategory.WON) {
                        converted++;
                    } else if (to == StatusCategory.LOST && from != StatusCategory.LOST) {
                        lost++;
                    }
                }
            }
            stays.keySet().forEach(k -> perStatus.computeIfAbsent(k, x -> new long[2]));
            StringBuilder out = new StringBuilder();
            out.append("qualified=").append(qualified).append(" converted=").append(converted).append(" lost=")
                    .append(lost).append('\n');
            List<StatusKey> order = new ArrayList<>(project.statusOrder());
            new TreeMap<String, StatusKey>(perStatus.keySet().stream().filter(k -> !order.contains(k))
                    .collect(java.util.stream.Collectors.toMap(StatusKey::value, k -> k))).values()
                    .forEach(order::add);
            for (StatusKey status : order) {
                long[] n = perStatus.get(status);
                List<Duration> times = stays.getOrDefault(status, List.of());
                out.append(status).append(": entered=").append(n[0]).append(" left=").append(n[1])
                        .append(" median=").append(percentile(times, 0.5)).append(" p90=")
                        .append(percentile(times, 0.9)).append(" open=").append(open.getOrDefault(status, 0L))
                        .append('\n');
            }
            out.append("reasons=").append(new TreeMap<>(reasons)).append('\n');
            out.append("ageing=").append(java.util.Arrays.toString(ageing));
            return out.toString();
        }
    }

    private static String describe(Project project, Funnel.Slice s) {
        StringBuilder out = new StringBuilder();
        out.append("qualified=").append(s.qualified()).append(" converted=").append(s.converted()).append(" lost=")
                .append(s.lost()).append('\n');
        for (Funnel.Stage stage : s.stages()) {
            LeadStatus known = project.findStatus(stage.status()).orElse(null);
            assertEquals(known == null ? null : known.label(), stage.label(), "label of " + stage.status());
            assertEquals(known == null ? null : known.category(), stage.category(), "category of " + stage.status());
            out.append(stage.status()).append(": entered=").append(stage.entered()).append(" left=")
                    .append(stage.left()).append(" median=").append(stage.medianStay()).append(" p90=")
                    .append(stage.p90Stay()).append(" open=").append(stage.open()).append('\n');
        }
        Map<String, Long> reasons = new TreeMap<>();
        s.lostReasons().stream().filter(r -> r.leads() != 0).forEach(r -> reasons.put(r.key(), r.leads()));
        out.append("reasons=").append(reasons).append('\n');
        out.append("ageing=").append(java.util.Arrays.toString(s.ageing().stream().mapToLong(Funnel.Age::leads)
                .toArray()));
        return out.toString();
    }

    /**
     * The end of the bucket of the q-th quantile as documented: bucket 0 below a minute, then buckets growing by a
     * factor 2^(1/4) from one minute on (bounds rounded to whole seconds).
     */
    private static Duration percentile(List<Duration> times, double q) {
        if (times.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(times);
        sorted.sort(null);
        Duration at = sorted.get((int) Math.ceil(q * sorted.size()) - 1);
        long seconds = Math.max(0, at.getSeconds());
        int k = 0;
        while (k < 99 && seconds >= Math.round(60 * StrictMath.pow(2, k / 4.0))) {
            k++;
        }
        return Duration.ofSeconds(Math.round(60 * StrictMath.pow(2, k / 4.0)));
    }
}
