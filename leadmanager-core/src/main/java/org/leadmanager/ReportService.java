package org.leadmanager;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.LostReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.tally.Funnels;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.domain.tally.TallyRange;
import org.leadmanager.error.ValidationException;

/** Reads the funnel from its kept numbers ({@link Funnels}): one statement for the window and the open leads. */
final class ReportService implements Reports {
    /** The longest window: ten years of days. */
    static final int MAX_DAYS = 3_660;
    /** The ageing bands' lower ends in days; the last band has no upper end. */
    private static final int[] AGES = {0, 1, 3, 7, 14, 30, 90};
    /** After every sub-key the library writes (digits, letters, '|', '-' and '_' after a day). */
    private static final String AFTER_ALL = "\u007f";

    private final Context ctx;

    ReportService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Funnel funnel(Actor actor, FunnelQuery query) {
        LocalDate from = query.from();
        LocalDate to = query.to();
        if (to.isBefore(from)) {
            throw ValidationException.of("to", "Window", "must not be before from (" + from + "), was " + to,
                    "from", from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ValidationException.of("to", "Window", "must be less than " + MAX_DAYS + " days after from ("
                    + from + "), was " + to, "max", MAX_DAYS);
        }
        if (from.getYear() < 1 || to.getYear() > 9999) {
            throw ValidationException.of("from", "Window", "the window must lie in the years 1 to 9999, was "
                    + from + " to " + to, "min", 1, "max", 9999);
        }
        String slices = switch (query.by()) {
            case PROJECT -> Funnels.PROJECT;
            case OWNER -> Funnels.OWNER_PREFIX;
            case SOURCE -> Funnels.SOURCE_PREFIX;
        };
        // the project's slice is one key; the owners' and sources' all keys with their prefix letter
        String slicesBefore = query.by() == Funnel.Breakdown.PROJECT ? slices + '\u0000'
                : String.valueOf((char) (slices.charAt(0) + 1));
        // the window's numbers summed over its whole months and its edge days where they are stored (what follows
        // the month or day is kept, from its separator on); the open leads' with their day of qualification, for
        // the ageing
        List<TallyRange> ranges = new ArrayList<>(Funnels.window(slices, slicesBefore, from, to));
        ranges.add(new TallyRange(Funnels.OPEN, slices, slicesBefore, "", AFTER_ALL));
        return ctx.read(s -> {
            Project project = ctx.viewableProject(s, actor, query.project());
            Map<TallyKey, Long> sums = s.tallies().sums(actor.tenant(), project.id(), ranges);
            LocalDate today = LocalDate.ofInstant(ctx.clock.instant(), ZoneOffset.UTC);
            Map<String, Figures> bySlice = new TreeMap<>(Comparator.comparing(ReportService::order));
            if (query.by() == Funnel.Breakdown.PROJECT) {
                bySlice.put(Funnels.PROJECT, new Figures(project));
            }
            sums.forEach((key, n) -> {
                // exact: a project slice's range also holds keys such as "p..." only if the library wrote them
                if (query.by() != Funnel.Breakdown.PROJECT || key.key().equals(Funnels.PROJECT)) {
                    bySlice.computeIfAbsent(key.key(), k -> new Figures(project))
                            .add(Funnels.perDay(key.tally()), key, n, today);
                }
            });
            List<Funnel.Slice> result = new ArrayList<>(bySlice.size());
            bySlice.forEach((slice, figures) -> {
                // a slice with numbers only of leads on statuses that are not OPEN now has no figure to show
                if (query.by() == Funnel.Breakdown.PROJECT || figures.any()) {
                    result.add(figures.slice(query.by(), slice));
                }
            });
            return new Funnel(project.id(), from, to, query.by(), result);
        });
    }

    /** Owners by id with the unowned last; manual first, then groups, then actions, each by id. */
    private static String order(String slice) {
        if (slice.equals(Funnels.UNOWNED)) {
            return "\uffff";
        }
        if (slice.startsWith(Funnels.SOURCE_PREFIX + ":")) {
            return switch (slice.charAt(2)) {
                case 'm' -> "0";
                case 'g' -> "1" + slice;
                default -> "2" + slice;
            };
        }
        return slice;
    }

    /** The figures of one slice, summed from its numbers. */
    private static final class Figures {
        private final Project project;
        private long qualified;
        private long converted;
        private long lost;
        private final Map<StatusKey, long[]> entered = new HashMap<>();
        private final Map<StatusKey, long[]> left = new HashMap<>();
        private final Map<StatusKey, TreeMap<Integer, Long>> stays = new HashMap<>();
        private final Map<StatusKey, long[]> open = new HashMap<>();
        private final Map<String, Long> reasons = new HashMap<>();
        private final long[] ageing = new long[AGES.length];

        Figures(Project project) {
            this.project = project;
        }

        /**
         * A number of the funnel, of the given day tally (also for its month numbers); for the window's tallies its
         * sub-key starts at the separator after the day or month.
         */
        void add(Tally tally, TallyKey key, long n, LocalDate today) {
            String[] parts = key.sub().split("\\|", -1);
            if (tally.equals(Funnels.MOVES)) {
                StatusKey to = StatusKey.of(parts[2]);
                entered.computeIfAbsent(to, k -> new long[1])[0] += n;
                StatusCategory toCategory = category(to);
                if (parts[1].isEmpty()) {
                    qualified += n;
                } else {
                    StatusKey from = StatusKey.of(parts[1]);
                    left.computeIfAbsent(from, k -> new long[1])[0] += n;
                    StatusCategory fromCategory = category(from);
                    // a move off a status the project retired (its leads moving to the replacement) is neither
                    if (fromCategory == null) {
                        return;
                    }
                    if (toCategory == StatusCategory.WON && fromCategory != StatusCategory.WON) {
                        converted += n;
                    } else if (toCategory == StatusCategory.LOST && fromCategory != StatusCategory.LOST) {
                        lost += n;
                    }
                }
            } else if (tally.equals(Funnels.STAYS)) {
                stays.computeIfAbsent(StatusKey.of(parts[1]), k -> new TreeMap<>())
                        .merge(Integer.parseInt(parts[2]), n, Long::sum);
            } else if (tally.equals(Funnels.LOST_REASONS)) {
                reasons.merge(parts[1], n, Long::sum);
            } else if (tally.equals(Funnels.OPEN)) {
                StatusKey status = StatusKey.of(parts[1]);
                if (category(status) == StatusCategory.OPEN) {
                    open.computeIfAbsent(status, k -> new long[1])[0] += n;
                    long days = Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(parts[0]), today));
                    int band = 0;
                    while (band + 1 < AGES.length && days >= AGES[band + 1]) {
                        band++;
                    }
                    ageing[band] += n;
                }
            }
        }

        /** Whether any figure of the slice is not zero. */
        boolean any() {
            return qualified != 0 || !reasons.values().stream().allMatch(n -> n == 0)
                    || !entered.values().stream().allMatch(n -> n[0] == 0)
                    || !left.values().stream().allMatch(n -> n[0] == 0)
                    || !open.values().stream().allMatch(n -> n[0] == 0);
        }

        private StatusCategory category(StatusKey status) {
            return project.findStatus(status).map(LeadStatus::category).orElse(null);
        }

        Funnel.Slice slice(Funnel.Breakdown by, String slice) {
            List<Funnel.Stage> stages = new ArrayList<>();
            for (LeadStatus status : project.statuses()) {
                stages.add(stage(status.key(), status.label(), status.category()));
            }
            retiredWithFigures().forEach(k -> stages.add(stage(StatusKey.of(k), null, null)));
            List<Funnel.Reason> lostReasons = new ArrayList<>();
            Map<String, Long> free = new HashMap<>(reasons);
            for (LostReason listed : project.lostReasons()) {
                Long n = free.remove(listed.key());
                lostReasons.add(new Funnel.Reason(listed.key(), listed.label(), n == null ? 0 : n));
            }
            List<Funnel.Reason> others = new ArrayList<>();
            free.forEach((reason, n) -> {
                if (n != 0) {
                    others.add(new Funnel.Reason(reason, null, n));
                }
            });
            others.sort(Comparator.comparingLong(Funnel.Reason::leads).reversed().thenComparing(Funnel.Reason::key));
            lostReasons.addAll(others);
            List<Funnel.Age> ages = new ArrayList<>();
            for (int i = 0; i < AGES.length; i++) {
                ages.add(new Funnel.Age(AGES[i], i + 1 < AGES.length ? AGES[i + 1] : null, ageing[i]));
            }
            UserId owner = null;
            OriginKind kind = null;
            String reference = null;
            if (by == Funnel.Breakdown.OWNER && !slice.equals(Funnels.UNOWNED)) {
                owner = UserId.of(slice.substring(Funnels.OWNER_PREFIX.length() + 1));
            } else if (by == Funnel.Breakdown.SOURCE) {
                String[] parts = slice.split(":", 3);
                kind = switch (parts[1]) {
                    case "g" -> OriginKind.GROUP;
                    case "a" -> OriginKind.ACTION;
                    default -> OriginKind.MANUAL;
                };
                reference = parts.length > 2 ? parts[2] : null;
            }
            return new Funnel.Slice(owner, kind, reference, qualified, converted, lost, stages, lostReasons, ages);
        }

        /** Statuses with figures that the project no longer has, by key. */
        private Set<String> retiredWithFigures() {
            Set<String> retired = new TreeSet<>();
            for (Map<StatusKey, ?> figures : List.of(entered, left, stays)) {
                figures.keySet().stream().filter(k -> project.findStatus(k).isEmpty())
                        .forEach(k -> retired.add(k.value()));
            }
            return retired;
        }

        private Funnel.Stage stage(StatusKey status, String label, StatusCategory category) {
            TreeMap<Integer, Long> histogram = stays.getOrDefault(status, new TreeMap<>());
            return new Funnel.Stage(status, label, category, count(entered, status), count(left, status),
                    percentile(histogram, 0.5), percentile(histogram, 0.9), count(open, status));
        }

        private static long count(Map<StatusKey, long[]> counts, StatusKey status) {
            long[] n = counts.get(status);
            return n == null ? 0 : n[0];
        }

        /** The end of the bucket holding the q-th quantile of the stays, or null without stays. */
        private static Duration percentile(TreeMap<Integer, Long> histogram, double q) {
            long total = histogram.values().stream().mapToLong(Long::longValue).sum();
            if (total <= 0) {
                return null;
            }
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
                seen += bucket.getValue();
                if (seen >= rank) {
                    return Funnels.bucketEnd(bucket.getKey());
                }
            }
            return Funnels.bucketEnd(histogram.lastKey());
        }
    }
}
