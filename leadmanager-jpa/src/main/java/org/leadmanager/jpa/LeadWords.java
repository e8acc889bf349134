package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.search.SearchWords;

/**
 * The words table {@code lm_lead_word}: one row per word a lead keeps ({@link SearchWords#of}: its name, e-mail and
 * company folded), with its tenant and project, so that each word of a text criterion is one prefix range of the
 * primary key {@code (tenant_id, project_id, word, lead_id)} ({@link LeadFilter}). The rows are those of the lead's
 * {@code search_words} ({@link #text}); the lead repository keeps them in the unit of work that inserts a lead,
 * changes its card or deletes it, so they commit or roll back with the lead row, and finds a lead's rows by that
 * key: the table has no other index to keep.
 */
final class LeadWords {
    private static final String INSERT = "INSERT INTO lm_lead_word (tenant_id, project_id, word, lead_id)"
            + " VALUES (?, ?, ?, ?)";
    private static final long RARE = 200;

    /** One row of {@code lm_lead_word}. */
    record Row(String tenant, UUID project, String word, UUID lead) {
    }

    private LeadWords() {
    }

    /** The rows of the leads' words, read from their {@code search_words}. */
    static List<Row> rows(List<LeadEntity> leads) {
        List<Row> rows = new ArrayList<>(leads.size() * 8);
        for (LeadEntity lead : leads) {
            for (String word : words(lead.searchWords)) {
                rows.add(new Row(lead.tenantId, lead.projectId, word, lead.id));
            }
        }
        return rows;
    }

    /** Inserts the words of new leads (rows that have none yet), through the database's batch insert. */
    static void insert(JpaSession s, List<LeadEntity> leads) {
        insertRows(s, rows(leads));
    }

    private static void insertRows(JpaSession s, List<Row> rows) {
        if (!rows.isEmpty()) {
            s.dialect.insertWords(s, rows);
        }
    }

    /** One JDBC batch of plain inserts: the default of {@link SqlDialect#insertWords}. */
    static void insertBatches(JpaSession s, List<Row> rows) {
        s.insertBatches(INSERT, rows, (ps, dialect, row) -> {
            ps.setString(1, row.tenant());
            dialect.bind(ps, 2, row.project());
            ps.setString(3, row.word());
            dialect.bind(ps, 4, row.lead());
        });
    }

    /**
     * Replaces the words a lead no longer keeps by those it keeps now ({@code before} is the stored row,
     * {@code after} the row written in its place); the words both keep stay.
     */
    static void update(JpaSession s, LeadEntity before, LeadEntity after) {
        if (Objects.equals(before.searchWords, after.searchWords)) {
            return;
        }
        Set<String> gone = new LinkedHashSet<>(words(before.searchWords));
        Set<String> added = new LinkedHashSet<>(words(after.searchWords));
        gone.removeAll(words(after.searchWords));
        added.removeAll(words(before.searchWords));
        delete(s, after.tenantId, before.projectId, after.id, gone);
        insertRows(s, added.stream().map(w -> new Row(after.tenantId, after.projectId, w, after.id)).toList());
    }

    /** Deletes the lead's rows of these words ({@code search_words} as stored, see {@link #words}). */
    static void delete(JpaSession s, String tenant, UUID project, UUID lead, Collection<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String sql = "DELETE FROM lm_lead_word WHERE tenant_id = ? AND project_id = ? AND word IN ("
                + String.join(", ", Collections.nCopies(words.size(), "?")) + ") AND lead_id = ?";
        s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, tenant);
                dialect.bind(ps, 2, project);
                int i = 3;
                for (String word : words) {
                    ps.setString(i++, word);
                }
                dialect.bind(ps, i, lead);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The words of a {@code search_words} text ({@link #text}), in its order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = text.indexOf(' ');
        while (start >= 0) {
            int end = text.indexOf(' ', start + 1);
            words.add(text.substring(start + 1, end < 0 ? text.length() : end));
            start = end;
        }
        return words;
    }

    /** {@code lm_lead.search_words}: the card's kept words in order, each after a blank ("" for none). */
    static String text(ContactCard card) {
        StringBuilder text = new StringBuilder();
        for (String word : SearchWords.of(card)) {
            text.append(' ').append(word);
        }
        return text.toString();
    }

    /**
     * Whether fewer than {@value #RARE} rows of the project's {@code lm_lead_word} begin with the word: then reading
     * its range (a lead each) costs less than walking a list's index, which finds a page of a common word among the
     * first few thousand leads. Counting stops at {@value #RARE}, so asking costs little.
     */
    static boolean isRare(JpaSession s, TenantId tenant, ProjectId project, String word) {
        String count = "SELECT COUNT(*) FROM (SELECT 1 FROM lm_lead_word WHERE tenant_id = ? AND project_id = ?"
                + " AND word LIKE " + LeadFilter.likeLiteral("", word) + " LIMIT " + RARE + ") w";
        return s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(count)) {
                ps.setString(1, tenant.value());
                dialect.bind(ps, 2, project.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) < RARE;
                }
            }
        });
    }

    /** The longest of the words (the first of those as long), or null for none. */
    static String longest(List<String> words) {
        String longest = null;
        for (String word : words) {
            if (longest == null || word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest;
    }
}
