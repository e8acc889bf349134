package org.leadmanager.domain.tally;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.Timeline;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.ValidationException;

/**
 * The funnel's kept numbers: what a change adds to them, and what a lead's history added (so an erasure can take it
 * back). Every number is kept three times, once per <em>slice</em> ({@link TallyKey#key}): the whole project
 * ({@value #PROJECT}), the owner ({@code o:<user>}, or {@value #UNOWNED} for no owner) and the source
 * ({@code s:m} manual, {@code s:g:<group>}, {@code s:a:<action>}). Days are UTC dates ({@code yyyy-MM-dd}) at the
 * start of the sub-key, so a time window is a range of sub-keys.
 *
 * <ul>
 *   <li>{@link #MOVES}: a lead came onto a status, sub-key {@code day|from|to}; {@code from} is empty for the
 *       qualification. Attributed to the owner the lead had at that moment.</li>
 *   <li>{@link #STAYS}: a lead left a status after some time on it, sub-key {@code day|status|bucket} with the
 *       time's {@link #bucket} as two digits.</li>
 *   <li>{@link #LOST_REASONS}: a lead was disqualified, sub-key {@code day|reason key}, the reason's key being
 *       {@link StatusKey#fromLabel} of its text (empty when the text has no letter or digit).</li>
 *   <li>{@link #OPEN}: the leads as they are now, sub-key {@code day of qualification|status}, under their current
 *       owner; what a status's category is (OPEN for the ageing of open leads) is asked when it is read.</li>
 * </ul>
 *
 * <p>The first three only ever grow, as history does; they are a function of the leads' timelines
 * ({@link #history}). The last is a function of the leads as stored, as the lead tallies are.
 *
 * <p>The first three are kept twice: per day as above, and per UTC month in a tally of their own
 * ({@link #MOVES_BY_MONTH}, {@link #STAYS_BY_MONTH}, {@link #LOST_BY_MONTH}) whose sub-keys start with the month
 * ({@code yyyy-MM}) instead of the day, followed by the same rest. Every delta of a day number comes with the same
 * delta of its month number, so both stay equal sums of one history. A window ({@link #window}) reads its whole
 * months from the month numbers and only the days at its edges from the day numbers: a year per owner reads at most
 * 12 months and 61 days of numbers instead of 365 days, however many of the owner's day numbers the leads filled
 * in.
 */
public final class Funnels {
    public static final Tally MOVES = new Tally("f_move");
    public static final Tally STAYS = new Tally("f_stay");
    public static final Tally LOST_REASONS = new Tally("f_lost");
    public static final Tally OPEN = new Tally("f_open");
    /** {@link #MOVES} per UTC month: sub-key {@code month|from|to}. */
    public static final Tally MOVES_BY_MONTH = new Tally("f_move_m");
    /** {@link #STAYS} per UTC month: sub-key {@code month|status|bucket}. */
    public static final Tally STAYS_BY_MONTH = new Tally("f_stay_m");
    /** {@link #LOST_REASONS} per UTC month: sub-key {@code month|reason key}. */
    public static final Tally LOST_BY_MONTH = new Tally("f_lost_m");
    /** The slice of the whole project. */
    public static final String PROJECT = "p";
    /** The owner slice of leads without an owner; owners' slices are {@code o:<user>}. */
    public static final String UNOWNED = "o";
    /** The prefix of every owner slice. */
    public static final String OWNER_PREFIX = "o";
    /** The prefix of every source slice. */
    public static final String SOURCE_PREFIX = "s";
    /** Separates the parts of a sub-key. */
    public static final char SEPARATOR = '|';

    /** The length of a day at the start of a sub-key, {@code yyyy-MM-dd}, in the years 1 to 9999. */
    private static final int DAY = 10;
    /** The length of a month at the start of a sub-key, {@code yyyy-MM}, in the years 1 to 9999. */
    private static final int MONTH = 7;
    /** After every sub-key the library writes (digits, letters, '|', '-' and '_' after a day or month). */
    private static final String AFTER_ALL = "\u007f";

    /** Bucket {@code b ≥ 1} holds times from {@code BOUNDS[b-1]} (inclusive) to {@code BOUNDS[b]} seconds. */
    private static final long[] BOUNDS = new long[100];

    static {
        for (int k = 0; k < BOUNDS.length; k++) {
            BOUNDS[k] = Math.round(60 * StrictMath.pow(2, k / 4.0));
        }
    }

    private Funnels() {
    }

    /**
     * The bucket of a time on a status: 0 below one minute; then buckets growing by a factor 2<sup>1/4</sup>
     * (about 19%) from one minute on; 99 beyond about 29 years. A negative time (the clock was set back) counts as 0.
     */
    public static int bucket(Duration time) {
        long seconds = Math.max(0, time.getSeconds());
        int found = Arrays.binarySearch(BOUNDS, seconds);
        // an exact bound starts its bucket; otherwise the insertion point is the number of bounds below
        int below = found >= 0 ? found + 1 : -found - 1;
        return Math.min(below, BOUNDS.length - 1);
    }

    /** The longest time of a bucket (exclusive), which a median or percentile in it is reported as. */
    public static Duration bucketEnd(int bucket) {
        if (bucket < 0 || bucket >= BOUNDS.length) {
            throw new IllegalArgumentException("bucket must be 0-" + (BOUNDS.length - 1) + ", was " + bucket);
        }
        return Duration.ofSeconds(bucket == BOUNDS.length - 1 ? Long.MAX_VALUE / 2 : BOUNDS[bucket]);
    }

    /** The sub-key day of an instant: its UTC date. */
    public static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** The sub-key month of a sub-key day: the day without its day of the month ({@code yyyy-MM}). */
    static String month(String day) {
        return day.substring(0, day.lastIndexOf('-'));
    }

    /** The day tally whose numbers a tally keeps per month ({@link #MOVES} for {@link #MOVES_BY_MONTH}), else itself. */
    public static Tally perDay(Tally tally) {
        if (tally.equals(MOVES_BY_MONTH)) {
            return MOVES;
        }
        if (tally.equals(STAYS_BY_MONTH)) {
            return STAYS;
        }
        return tally.equals(LOST_BY_MONTH) ? LOST_REASONS : tally;
    }

    /** Whether a tally counts lost reasons by their key (per day or per month), which may hold a lead's words. */
    public static boolean countsReasons(Tally tally) {
        return tally.equals(LOST_REASONS) || tally.equals(LOST_BY_MONTH);
    }

    /**
     * The ranges that hold a window's history numbers (moves, stays, lost reasons) of some slices, each summed over
     * its days or months ({@link TallyRange#subDropped}), so that every number comes back under its sub-key without
     * the day or month, from its separator on, and under the tally of its day numbers ({@link #perDay}) once the
     * caller maps it. The whole months of the window are read from the month numbers, the days before the first and
     * after the last whole month from the day numbers: a number may come back from up to three ranges of one tally,
     * to be added up. A window within one month reads days only.
     *
     * @param keyFrom   the least slice key to read
     * @param keyBefore the first slice key after those to read
     * @param from      the window's first day, in the years 1 to 9999
     * @param to        the window's last day (inclusive), not before {@code from}, in the years 1 to 9999
     */
    public static List<TallyRange> window(String keyFrom, String keyBefore, LocalDate from, LocalDate to) {
        LocalDate after = to.plusDays(1);
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate wholeBefore = after.withDayOfMonth(1);
        List<TallyRange> ranges = new ArrayList<>(9);
        if (!firstWhole.isBefore(wholeBefore)) {
            history(ranges, keyFrom, keyBefore, from.toString(), dayBefore(after), false);
            return ranges;
        }
        if (from.isBefore(firstWhole)) {
            history(ranges, keyFrom, keyBefore, from.toString(), firstWhole.toString(), false);
        }
        String monthBefore = wholeBefore.getYear() > 9999 ? AFTER_ALL : month(wholeBefore.toString());
        history(ranges, keyFrom, keyBefore, month(firstWhole.toString()), monthBefore, true);
        if (wholeBefore.isBefore(after)) {
            history(ranges, keyFrom, keyBefore, wholeBefore.toString(), dayBefore(after), false);
        }
        return ranges;
    }

    /** The sub-key after the last of a window whose next day is {@code after}: past the year 9999, after all. */
    private static String dayBefore(LocalDate after) {
        return after.getYear() > 9999 ? AFTER_ALL : after.toString();
    }

    private static void history(List<TallyRange> ranges, String keyFrom, String keyBefore, String subFrom,
            String subBefore, boolean months) {
        int dropped = months ? MONTH : DAY;
        ranges.add(new TallyRange(months ? MOVES_BY_MONTH : MOVES, keyFrom, keyBefore, subFrom, subBefore, dropped));
        ranges.add(new TallyRange(months ? STAYS_BY_MONTH : STAYS, keyFrom, keyBefore, subFrom, subBefore, dropped));
        ranges.add(new TallyRange(months ? LOST_BY_MONTH : LOST_REASONS, keyFrom, keyBefore, subFrom, subBefore,
                dropped));
    }

    /** The slice of an owner, or {@link #UNOWNED}. */
    public static String ownerSlice(UserId owner) {
        return owner == null ? UNOWNED : OWNER_PREFIX + ":" + owner.value();
    }

    /** The slice of a source. */
    public static String sourceSlice(OriginKind kind, String reference) {
        return switch (kind) {
            case MANUAL -> SOURCE_PREFIX + ":m";
            case GROUP -> SOURCE_PREFIX + ":g:" + reference;
            case ACTION -> SOURCE_PREFIX + ":a:" + reference;
        };
    }

    /** The key a lost reason is counted by: {@link StatusKey#fromLabel} of its text, or "" without letters. */
    public static String reasonKey(String reason) {
        try {
            return StatusKey.fromLabel(reason).value();
        } catch (ValidationException noLetters) {
            return "";
        }
    }

    /**
     * The funnel deltas of a change: none unless its state is a lead whose status or owner it set, or that it
     * qualified. A status change needs the lead before it ({@link Changed#before}) for the time on the status left.
     *
     * @param at when the change's call began (its timeline entries' time)
     */
    public static List<TallyDelta> of(Changed<?> change, Instant at) {
        if (!change.changed() || !(change.state() instanceof Lead)) {
            return List.of();
        }
        Lead after = (Lead) change.state();
        Sums sums = new Sums(after);
        boolean existed = true;
        StatusKey statusBefore = null;
        UserId ownerBefore = after.assignee();
        boolean ownerSeen = false;
        for (DomainEvent event : change.events()) {
            if (event instanceof DomainEvent.LeadQualified q && q.lead().equals(after.id())) {
                existed = false;
            } else if (event instanceof DomainEvent.LeadAssigned a && a.lead().equals(after.id()) && !ownerSeen) {
                ownerBefore = a.from();
                ownerSeen = true;
            } else if (event instanceof DomainEvent.LeadStatusChanged s && s.lead().equals(after.id())
                    && statusBefore == null) {
                statusBefore = s.from();
            }
        }
        // the history: in the order of the events, each under the owner the lead had at that moment
        UserId owner = ownerBefore;
        Instant since = change.before() instanceof Lead before ? before.statusSince() : null;
        if (since == null && statusBefore != null) {
            throw new IllegalStateException("a status change of lead " + after.id() + " without the lead before it");
        }
        for (DomainEvent event : change.events()) {
            if (event instanceof DomainEvent.LeadQualified q && q.lead().equals(after.id())) {
                sums.qualified(after.createdAt(), statusBefore == null ? after.status() : statusBefore,
                        q.assignee());
                owner = q.assignee();
            } else if (event instanceof DomainEvent.LeadAssigned a && a.lead().equals(after.id())) {
                owner = a.to();
            } else if (event instanceof DomainEvent.LeadStatusChanged s && s.lead().equals(after.id())) {
                sums.moved(at, s.from(), s.to(), Duration.between(since, at), owner, 1);
                since = at;
            } else if (event instanceof DomainEvent.LeadDisqualified d && d.lead().equals(after.id())
                    && d.reason() != null) {
                sums.lost(at, d.reason(), owner, 1);
            }
        }
        // the lead as it is now
        if (existed) {
            sums.open(after.createdAt(), statusBefore == null ? after.status() : statusBefore, ownerBefore, -1);
        }
        sums.open(after.createdAt(), after.status(), after.assignee(), 1);
        return sums.deltas();
    }

    /** The {@link #OPEN} deltas of a lead deleted as it is stored: its history stays counted. */
    public static List<TallyDelta> removed(Lead lead) {
        Sums sums = new Sums(lead);
        sums.open(lead.createdAt(), lead.status(), lead.assignee(), -1);
        return sums.deltas();
    }

    /**
     * What a lead and its history add to the funnel: its stored timeline entries (not the first, qualification
     * entry, which is read from the lead) walked in order, and the lead as it is now. Entries folded in from the
     * lead of a merged contact (from a {@code QUALIFIED} entry to the merge's {@code MERGED} entry) are that lead's
     * history, counted as it was counted when it happened: under its source, from the status and owner it had.
     *
     * @param sign 1 for what the lead adds, -1 to take it all back (erasure)
     */
    public static List<TallyDelta> history(Lead lead, List<Activity> timeline, long sign) {
        Sums sums = new Sums(lead);
        Span root = new Span(lead.origin().kind(), lead.origin().reference(), lead.createdAt(), lead.status(),
                lead.assignee());
        List<Span> spans = new ArrayList<>();
        spans.add(root);
        List<Span> open = new ArrayList<>(List.of(root));
        for (Activity entry : timeline) {
            Span current = open.get(open.size() - 1);
            if (entry.type() == ActivityType.QUALIFIED) {
                Span folded = Span.of(entry);
                spans.add(folded);
                open.add(folded);
            } else if (Timeline.isFold(entry)) {
                if (open.size() > 1) {
                    open.remove(open.size() - 1);
                }
            } else {
                current.entries.add(entry);
            }
        }
        for (Span span : spans) {
            span.count(sums, sign);
        }
        sums.open(lead.createdAt(), lead.status(), lead.assignee(), sign);
        return sums.deltas();
    }

    /** The history of one lead's span of a timeline: its own, or one folded into it. */
    private static final class Span {
        final OriginKind kind;
        final String reference;
        final Instant qualifiedAt;
        final StatusKey lastStatus;
        final UserId lastOwner;
        final List<Activity> entries = new ArrayList<>();

        Span(OriginKind kind, String reference, Instant qualifiedAt, StatusKey lastStatus, UserId lastOwner) {
            this.kind = kind;
            this.reference = reference;
            this.qualifiedAt = qualifiedAt;
            this.lastStatus = lastStatus;
            this.lastOwner = lastOwner;
        }

        /** A folded lead's span: its qualification entry says its source and its status and owner when folded. */
        static Span of(Activity qualified) {
            Origin origin = Timeline.originOf(qualified);
            return new Span(origin.kind(), origin.reference(), qualified.at(),
                    qualified.to() == null ? null : StatusKey.of(qualified.to()),
                    qualified.from() == null ? null : UserId.of(qualified.from()));
        }

        void count(Sums sums, long sign) {
            StatusKey status = lastStatus;
            UserId owner = lastOwner;
            boolean statusSeen = false;
            boolean ownerSeen = false;
            for (Activity e : entries) {
                if (e.type() == ActivityType.STATUS_CHANGED && !statusSeen) {
                    status = StatusKey.of(e.from());
                    statusSeen = true;
                } else if ((e.type() == ActivityType.ASSIGNED || e.type() == ActivityType.UNASSIGNED) && !ownerSeen) {
                    owner = e.from() == null ? null : UserId.of(e.from());
                    ownerSeen = true;
                }
            }
            if (status == null) {
                // a folded lead of an older timeline that did not say its status: nothing to count it under
                return;
            }
            String source = sourceSlice(kind, reference);
            sums.moved(qualifiedAt, null, status, null, owner, source, sign);
            Instant since = qualifiedAt;
            for (Activity e : entries) {
                if (e.type() == ActivityType.ASSIGNED || e.type() == ActivityType.UNASSIGNED) {
                    owner = e.to() == null ? null : UserId.of(e.to());
                } else if (e.type() == ActivityType.STATUS_CHANGED) {
                    sums.moved(e.at(), StatusKey.of(e.from()), StatusKey.of(e.to()), Duration.between(since, e.at()),
                            owner, source, sign);
                    since = e.at();
                    if (e.text() != null) {
                        sums.lost(e.at(), e.text(), owner, source, sign);
                    }
                }
            }
        }
    }

    /** Deltas of one lead, summed per key. */
    private static final class Sums {
        private final ProjectId project;
        private final String source;
        private final Map<TallyKey, Long> sums = new LinkedHashMap<>();

        Sums(Lead lead) {
            this.project = lead.project();
            this.source = sourceSlice(lead.origin().kind(), lead.origin().reference());
        }

        void qualified(Instant at, StatusKey status, UserId owner) {
            moved(at, null, status, null, owner, source, 1);
        }

        void moved(Instant at, StatusKey from, StatusKey to, Duration stay, UserId owner, long n) {
            moved(at, from, to, stay, owner, source, n);
        }

        void moved(Instant at, StatusKey from, StatusKey to, Duration stay, UserId owner, String src, long n) {
            String day = day(at);
            String move = SEPARATOR + (from == null ? "" : from.value()) + SEPARATOR + to.value();
            add(MOVES, MOVES_BY_MONTH, day, move, owner, src, n);
            if (stay != null) {
                add(STAYS, STAYS_BY_MONTH, day, SEPARATOR + from.value() + SEPARATOR + twoDigits(bucket(stay)),
                        owner, src, n);
            }
        }

        void lost(Instant at, String reason, UserId owner, long n) {
            lost(at, reason, owner, source, n);
        }

        void lost(Instant at, String reason, UserId owner, String src, long n) {
            add(LOST_REASONS, LOST_BY_MONTH, day(at), SEPARATOR + reasonKey(reason), owner, src, n);
        }

        void open(Instant qualifiedAt, StatusKey status, UserId owner, long n) {
            add(OPEN, day(qualifiedAt) + SEPARATOR + status.value(), owner, source, n);
        }

        /** A history number: per day, and the same per month. */
        private void add(Tally perDay, Tally perMonth, String day, String rest, UserId owner, String src, long n) {
            add(perDay, day + rest, owner, src, n);
            add(perMonth, month(day) + rest, owner, src, n);
        }

        private void add(Tally tally, String sub, UserId owner, String src, long n) {
            sums.merge(new TallyKey(tally, PROJECT, sub), n, Long::sum);
            sums.merge(new TallyKey(tally, ownerSlice(owner), sub), n, Long::sum);
            sums.merge(new TallyKey(tally, src, sub), n, Long::sum);
        }

        List<TallyDelta> deltas() {
            List<TallyDelta> deltas = new ArrayList<>(sums.size());
            sums.forEach((key, n) -> {
                if (n != 0) {
                    deltas.add(new TallyDelta(project, key, n));
                }
            });
            return deltas;
        }

        private static String twoDigits(int bucket) {
            return bucket < 10 ? "0" + bucket : Integer.toString(bucket);
        }
    }
}
