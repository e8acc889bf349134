package org.leadmanager.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.leadmanager.domain.contact.ContactCard;

/**
 * The bulk baseline: the same lead rows the library writes (every column, derived search keys included), inserted
 * with a plain JDBC batch ({@code reWriteBatchedInserts=true}) and {@code ON CONFLICT DO NOTHING}, committed every
 * {@code batch} rows like the library's chunks. No existence check, no events, no ORM.
 */
final class BaselineInsert {
    private static final String SQL = "INSERT INTO lm_lead (id, tenant_id, project_id, contact_id, name, name_key,"
            + " name_fold, email, email_key, email_fold, phone, phone_fold, company, company_key, company_fold, city,"
            + " city_fold, details_link, status, assignee, origin_kind, origin_ref, origin_by, owner_kind,"
            + " owner_detail, owner_by, lost_reason, created_at, last_activity_at, next_follow_up_at, version,"
            + " status_since)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (project_id, contact_id) DO NOTHING";

    private BaselineInsert() {
    }

    /**
     * Inserts leads for contacts from..from+count-1 of {@link GeneratedContacts} into the project.
     *
     * @return rows inserted
     */
    static long insert(Connection c, String tenant, String project, long from, long count, String originKind,
            String originRef, String by, int batch) throws SQLException {
        java.util.UUID projectId = java.util.UUID.fromString(project);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            int pending = 0;
            for (long n = from; n < from + count; n++) {
                ContactCard card = GeneratedContacts.card(n);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                ps.setObject(1, uuid7());
                ps.setString(2, tenant);
                ps.setObject(3, projectId);
                ps.setString(4, GeneratedContacts.id(n).value());
                ps.setString(5, card.name());
                ps.setString(6, lower(card.name()));
                ps.setString(7, fold(card.name()));
                ps.setString(8, card.email());
                ps.setString(9, lower(card.email()));
                ps.setString(10, fold(card.email()));
                ps.setString(11, card.phone());
                ps.setString(12, fold(card.phone()));
                ps.setString(13, card.company());
                ps.setString(14, lower(card.company()));
                ps.setString(15, fold(card.company()));
                ps.setString(16, card.city());
                ps.setString(17, fold(card.city()));
                ps.setString(18, card.detailsLink());
                ps.setString(19, "new");
                ps.setString(20, null);
                ps.setString(21, originKind);
                ps.setString(22, originRef);
                ps.setString(23, by);
                ps.setString(24, "UNASSIGNED");
                ps.setString(25, null);
                ps.setString(26, by);
                ps.setString(27, null);
                ps.setObject(28, now.atOffset(ZoneOffset.UTC));
                ps.setObject(29, now.atOffset(ZoneOffset.UTC));
                ps.setObject(30, null);
                ps.setLong(31, 0);
                ps.setObject(32, now.atOffset(ZoneOffset.UTC));
                ps.addBatch();
                if (++pending == batch) {
                    inserted += sum(ps.executeBatch());
                    c.commit();
                    pending = 0;
                }
            }
            if (pending > 0) {
                inserted += sum(ps.executeBatch());
                c.commit();
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return inserted;
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int n : counts) {
            // with reWriteBatchedInserts pgjdbc reports SUCCESS_NO_INFO (-2) per row
            total += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n;
        }
        return total;
    }

    /** Time-ordered ids, as the library makes them, so both sides append to the primary key index. */
    static UUID uuid7() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** The store's case fold: upper- then lower-case per code point. */
    private static String fold(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return sb.toString();
    }
}
