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
 */
public final class Funnels {
    public static final Tally MOVES = new Tally("f_move");
    public static final Tally STAYS = new Tally("f_stay");
    public static final Tally LOST_REASONS = new Tally("f_lost");
    public static final Tally OPEN = new Tally("f_open");
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
            add(MOVES, day + SEPARATOR + (from == null ? "" : from.value()) + SEPARATOR + to.value(), owner, src, n);
            if (stay != null) {
                add(STAYS, day + SEPARATOR + from.value() + SEPARATOR + twoDigits(bucket(stay)), owner, src, n);
            }
        }

        void lost(Instant at, String reason, UserId owner, long n) {
            lost(at, reason, owner, source, n);
        }

        void lost(Instant at, String reason, UserId owner, String src, long n) {
            add(LOST_REASONS, day(at) + SEPARATOR + reasonKey(reason), owner, src, n);
        }

        void open(Instant qualifiedAt, StatusKey status, UserId owner, long n) {
            add(OPEN, day(qualifiedAt) + SEPARATOR + status.value(), owner, source, n);
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
