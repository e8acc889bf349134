package org.leadmanager.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.tally.Funnels;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A year of one project's history written without the library, as the JPA store would have left it: the leads
 * ({@code lm_lead}), their timelines ({@code lm_activity}: STATUS_CHANGED and ASSIGNED/UNASSIGNED entries numbered
 * from 2 on, the qualification being entry 1 read from the lead; {@code activity_seq} the latest number) and the
 * funnel's kept numbers ({@code lm_tally}, one row per number, as after folding). The numbers are the library's own:
 * {@link Funnels#history} of each generated lead and its timeline, summed per key.
 *
 * <p>Lead {@code g} (1..n) is qualified at a time rising with {@code g} over 2025 (UTC), by a user (one in ten
 * without owner) of 20, manually (60%), from one of three contact groups (25%) or one of two marketing actions
 * (15%). It then makes 0–4 status changes along new → contacted → qualified → proposal → won, the last one going to
 * lost instead (with one of five reasons) for 35% of the leads that stop early and 60% of those that reach the end;
 * 15% of the owned leads (half of the unowned ones) change owner once on the way. The times between changes are
 * log-normal around two days (from a minute to four months); nothing happens after the end of 2025. Everything is
 * drawn from one seeded generator: the same n gives the same data.
 *
 * <p>Written with {@code COPY} in chunks, one connection. Since a lead's changes all fall on or after the day it was
 * qualified, and leads come in the order of that day, the numbers of every earlier day are final and written as
 * soon as a later day's lead comes: only a few months of numbers are held at a time.
 */
final class FunnelHistory {
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    static final String INITIAL = "new";
    static final List<String> REASONS = List.of("Too expensive", "No budget", "Chose a competitor", "No answer",
            "Not interested");
    private static final String[] PATH = {"new", "contacted", "qualified", "proposal", "won"};
    private static final String[] GROUPS = {"newsletter", "trade-fair", "webinar"};
    private static final String[] ACTIONS = {"spring-mailing", "autumn-campaign"};
    private static final int USERS = 20;
    private static final int CHUNK = 20_000;
    private static final long MIN_GAP = 60;
    private static final long MAX_GAP = 120L * 86_400;
    private static final String MANAGER = JpaNode.MANAGER.value();
    private static final String LEAD_COLUMNS = "id, tenant_id, project_id, contact_id, name, name_key, name_fold,"
            + " email, email_key, email_fold, status, assignee, origin_kind, origin_ref, origin_by, owner_kind,"
            + " owner_by, lost_reason, created_at, status_since, last_activity_at, version, activity_seq";
    private static final String ACTIVITY_COLUMNS = "tenant_id, lead_id, lead_seq, occurred_at, actor,"
            + " activity_type, from_value, to_value, detail";
    private static final String TALLY_COLUMNS = "tenant_id, project_id, id, tally, tally_key, tally_sub, n";

    /** What was written. */
    record Written(long leads, long entries, long numbers) {
    }

    private final Project project;
    private final int size;
    private final SplittableRandom random = new SplittableRandom(20250101L);
    private final String tenant = JpaNode.TENANT.value();
    private final Map<String, StatusKey> statusKeys = new HashMap<>();
    private final Map<String, UserId> userIds = new HashMap<>();
    /** Numbers not written yet, by day or month (every sub-key of the funnel starts with one, and a separator). */
    private final TreeMap<String, Map<TallyKey, Long>> pending = new TreeMap<>();
    private final StringBuilder leadRows = new StringBuilder();
    private final StringBuilder entryRows = new StringBuilder();
    private final StringBuilder numberRows = new StringBuilder();
    private long entries;
    private long numbers;

    private FunnelHistory(Project project, int size) {
        this.project = project;
        this.size = size;
    }

    /** Writes {@code size} leads of the project with their timelines and the funnel's numbers. */
    static Written write(BenchDatabase db, Project project, int size) throws SQLException, IOException {
        FunnelHistory history = new FunnelHistory(project, size);
        try (Connection c = db.connect()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String day = null;
            for (int g = 1; g <= size; g++) {
                Instant qualified = history.qualifiedAt(g);
                String today = Funnels.day(qualified);
                if (!today.equals(day)) {
                    history.finalBefore(today);
                    day = today;
                }
                history.lead(g, qualified);
                if (g % CHUNK == 0) {
                    history.flush(copy);
                }
            }
            history.finalBefore("\uffff");
            history.flush(copy);
        }
        return new Written(size, history.entries, history.numbers);
    }

    /** Rising with g, spread evenly over the year. */
    private Instant qualifiedAt(int g) {
        double slot = (double) (END.getEpochSecond() - START.getEpochSecond()) / size;
        long base = START.getEpochSecond() + (long) ((g - 1) * slot);
        return Instant.ofEpochSecond(base + random.nextLong(Math.max(1, (long) slot)));
    }

    private void lead(int g, Instant qualified) {
        UUID id = new UUID((qualified.toEpochMilli() << 16) | 0x7000L | (g & 0x0FFFL),
                0x8000_0000_0000_0000L | g);
        LeadId leadId = new LeadId(id);
        String owner = random.nextInt(10) == 0 ? null : user(random.nextInt(USERS));
        int source = random.nextInt(100);
        Origin origin = source < 60 ? new Origin(OriginKind.MANUAL, null, JpaNode.MANAGER)
                : source < 85 ? new Origin(OriginKind.GROUP, GROUPS[random.nextInt(GROUPS.length)], JpaNode.MANAGER)
                : new Origin(OriginKind.ACTION, ACTIONS[random.nextInt(ACTIONS.length)], JpaNode.MANAGER);
        int pick = random.nextInt(100);
        int changes = pick < 20 ? 0 : pick < 45 ? 1 : pick < 70 ? 2 : pick < 85 ? 3 : 4;
        boolean endsLost = changes > 0 && random.nextInt(100) < (changes == 4 ? 60 : 35);
        int reassignBefore = random.nextInt(100) < (owner == null ? 50 : 15) ? random.nextInt(changes + 1) : -1;

        List<Activity> timeline = new ArrayList<>(changes + 1);
        String status = INITIAL;
        String lostReason = null;
        Instant statusSince = qualified;
        Instant at = qualified;
        for (int step = 0; step <= changes; step++) {
            if (step == reassignBefore) {
                Instant when = at.plusSeconds(gap(Math.log(4 * 3600.0)));
                if (when.isBefore(END)) {
                    String to = owner == null || random.nextInt(5) > 0 ? otherUser(owner) : null;
                    timeline.add(new Activity(JpaNode.TENANT, leadId, timeline.size() + 2, when, JpaNode.MANAGER,
                            to == null ? ActivityType.UNASSIGNED : ActivityType.ASSIGNED, owner, to, null));
                    owner = to;
                    at = when;
                }
            }
            if (step == changes) {
                break;
            }
            Instant when = at.plusSeconds(gap(Math.log(2 * 86_400.0)));
            if (!when.isBefore(END)) {
                break;
            }
            boolean lost = endsLost && step == changes - 1;
            String to = lost ? "lost" : PATH[step + 1];
            String reason = lost ? REASONS.get(Math.min(random.nextInt(8), REASONS.size() - 1)) : null;
            timeline.add(new Activity(JpaNode.TENANT, leadId, timeline.size() + 2, when,
                    owner == null ? JpaNode.MANAGER : userId(owner), ActivityType.STATUS_CHANGED, status, to,
                    reason));
            status = to;
            lostReason = reason;
            statusSince = when;
            at = when;
        }

        String contact = GeneratedContacts.id(g).value();
        String name = "Contact " + g;
        Lead lead = Lead.reconstitute(leadId, JpaNode.TENANT, project.id(), ContactId.of(contact),
                ContactCard.named(name), statusKey(status), owner == null ? null : userId(owner), origin,
                owner == null ? OwnerReason.unassigned(JpaNode.MANAGER) : OwnerReason.manual(JpaNode.MANAGER),
                lostReason, qualified, statusSince, at, null, 0);
        for (TallyDelta delta : Funnels.history(lead, timeline, 1)) {
            // by the day or month with its separator: a month's numbers sort after its days and are final after them
            String sub = delta.key().sub();
            pending.computeIfAbsent(sub.substring(0, sub.indexOf(Funnels.SEPARATOR) + 1), d -> new HashMap<>())
                    .merge(delta.key(), delta.delta(), Long::sum);
        }

        String email = "contact" + g + "@example.com";
        row(leadRows, id, tenant, project.id().value(), contact, name, name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), email,
                email, email, status, owner, origin.kind().name(), origin.reference(), MANAGER,
                owner == null ? "UNASSIGNED" : "MANUAL", MANAGER, lostReason, qualified, statusSince, at, 0,
                timeline.size() + 1);
        for (Activity a : timeline) {
            row(entryRows, tenant, id, a.sequence(), a.at(), a.actor().value(), a.type().name(), a.from(), a.to(),
                    a.text());
        }
        entries += timeline.size();
    }

    /** Log-normal seconds around e^mu, sigma 1.4, within a minute and four months. */
    private long gap(double mu) {
        return Math.max(MIN_GAP, Math.min(MAX_GAP, (long) Math.exp(mu + 1.4 * random.nextGaussian())));
    }

    private static String user(int n) {
        return String.format("user-%02d", n + 1);
    }

    private String otherUser(String owner) {
        String other;
        do {
            other = user(random.nextInt(USERS));
        } while (other.equals(owner));
        return other;
    }

    private StatusKey statusKey(String key) {
        return statusKeys.computeIfAbsent(key, StatusKey::of);
    }

    private UserId userId(String user) {
        return userIds.computeIfAbsent(user, UserId::of);
    }

    /**
     * Moves the numbers of the days before {@code day}, and of the months before its month, to the rows to write: no
     * later lead adds to them.
     */
    private void finalBefore(String day) {
        Map<String, Map<TallyKey, Long>> done = pending.headMap(day);
        UUID projectId = project.id().value();
        done.values().forEach(sums -> sums.forEach((key, n) -> {
            if (n != 0) {
                row(numberRows, tenant, projectId, UUID.randomUUID(), key.tally().name(), key.key(), key.sub(), n);
                numbers++;
            }
        }));
        done.clear();
    }

    private void flush(CopyManager copy) throws SQLException, IOException {
        copy(copy, "lm_lead", LEAD_COLUMNS, leadRows);
        copy(copy, "lm_activity", ACTIVITY_COLUMNS, entryRows);
        copy(copy, "lm_tally", TALLY_COLUMNS, numberRows);
    }

    private static void copy(CopyManager copy, String table, String columns, StringBuilder rows)
            throws SQLException, IOException {
        if (rows.length() > 0) {
            copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    /** One row of COPY's text format; none of the generated values holds a tab, newline or backslash. */
    private static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : values[i].toString());
        }
        sb.append('\n');
    }
}
