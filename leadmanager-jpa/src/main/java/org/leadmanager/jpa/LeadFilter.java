package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SearchWords;

/**
 * {@link LeadCriteria} and keyset position as an SQL where-clause over {@code lm_lead}, each condition written
 * beside the parameters it binds, with exactly the semantics of {@code LeadCriteria.matches} and
 * {@code LeadOrdering}: the text criterion is a prefix range of the words table ({@link LeadWords}) or a test of
 * the row's kept words per word, field equality compares stored folds with the folded value, ranges are
 * {@code [from, to)}, ties break by id. The clause is the same on every database; values are bound through the
 * {@link SqlDialect}, which knows how each database takes ids and instants.
 */
final class LeadFilter {
    /** The sort value of a status missing from the status order, as in {@code LeadOrdering}. */
    private static final int UNKNOWN_STATUS = Integer.MAX_VALUE;
    static final char ESCAPE = '!';

    private final StringBuilder where = new StringBuilder();
    /** The text's words tested on the row ({@code search_words}), as conditions with literals only. */
    private final StringBuilder rowText = new StringBuilder();
    /** The values of the clause's placeholders, in order: strings, ids, instants and integers. */
    private final List<Object> params = new ArrayList<>();

    /**
     * @param drivingWord the word of the text whose range of {@code lm_lead_word} selects the leads (see
     *                    {@code JpaLeadRepository.search}); the text's other words, or all of them when null, are
     *                    tested on {@code lm_lead.search_words}
     */
    LeadFilter(TenantId tenant, ProjectId project, LeadCriteria c, String drivingWord) {
        where.append("tenant_id = ? AND project_id = ?");
        params.add(tenant.value());
        params.add(project.value());
        if (!c.statuses().isEmpty()) {
            where.append(" AND ").append(oneOf("status", c.statuses().stream().map(StatusKey::value).sorted()
                    .toList()));
        }
        if (c.restrictsAssignee()) {
            List<String> users = c.assignees().stream().map(UserId::value).sorted().toList();
            if (users.isEmpty()) {
                where.append(" AND assignee IS NULL");
            } else if (c.unassigned()) {
                where.append(" AND (").append(oneOf("assignee", users)).append(" OR assignee IS NULL)");
            } else {
                where.append(" AND ").append(oneOf("assignee", users));
            }
        }
        if (c.text() != null) {
            text(tenant, project, c.text(), drivingWord);
        }
        for (Map.Entry<ContactField, String> f : c.fields().entrySet()) {
            and(foldColumn(f.getKey()) + " = ?", CaseFolding.fold(f.getValue().strip()));
        }
        if (!c.sources().isEmpty()) {
            where.append(" AND (origin_kind = '").append(OriginKind.ACTION.name()).append("' AND ")
                    .append(oneOf("origin_ref", c.sources().stream().map(MarketingActionId::toString).sorted()
                            .toList()))
                    .append(')');
        }
        range("created_at", c.createdFrom(), c.createdTo());
        range("last_activity_at", c.activityFrom(), c.activityTo());
        if (c.hasOpenFollowUp() != null) {
            where.append(c.hasOpenFollowUp() ? " AND next_follow_up_at IS NOT NULL" : " AND next_follow_up_at IS NULL");
        }
        if (c.followUpDueBefore() != null) {
            and("next_follow_up_at < ?", c.followUpDueBefore());
        }
        if (c.responseDueBefore() != null) {
            and("response_due_at < ?", c.responseDueBefore());
        }
    }

    /**
     * {@code SELECT} every column of {@link LeadRows} in its order {@code ... ORDER BY ... LIMIT}: the search's page,
     * strictly after its keyset. With a project version (else null), the statement returns rows only while the
     * search's project is stored at that version. With {@code walk} (else null), the text's words are tested only on
     * the first {@code walk} leads in page order that meet the other criteria: a page of fewer leads than asked for
     * may then be incomplete. Adds to the filter's clause and parameters: build a new filter per statement.
     */
    String page(LeadSearch search, Long projectVersion, Integer walk) {
        if (projectVersion != null) {
            where.append(" AND EXISTS (SELECT 1 FROM lm_project p WHERE p.id = ? AND p.tenant_id = ?"
                    + " AND p.version = ?)");
            params.add(search.project().value());
            params.add(search.tenant().value());
            params.add(projectVersion);
        }
        LeadSort sort = search.sort();
        String key = sortKey(search);
        String dir = sort.descending() ? "DESC" : "ASC";
        Keyset after = search.after();
        if (after != null) {
            String cmp = sort.descending() ? "<" : ">";
            if (key == null) {
                // every lead sorts as an unknown status: the keyset value decides alone, then the id
                int c = Integer.compare(UNKNOWN_STATUS, (Integer) after.value());
                if (c == 0) {
                    and("id " + cmp + " ?", after.id().value());
                } else if (sort.descending() ? c > 0 : c < 0) {
                    where.append(" AND 1 = 0");
                }
            } else {
                // expanded row comparison (portable); the first conjunct lets an index bound the range
                where.append(" AND ").append(key).append(' ').append(cmp).append("= ? AND (").append(key)
                        .append(' ').append(cmp).append(" ? OR (").append(key).append(" = ? AND id ").append(cmp)
                        .append(" ?))");
                params.add(after.value());
                params.add(after.value());
                params.add(after.value());
                params.add(after.id().value());
            }
        }
        String order = key == null ? "id " + dir : key + " " + dir + ", id " + dir;
        // the page size as a literal: PostgreSQL's generic plan for LIMIT ? would expect a large result
        if (walk == null || rowText.isEmpty()) {
            return "SELECT " + LeadRows.NAMES + " FROM lm_lead WHERE " + where + rowText + " ORDER BY " + order
                    + " LIMIT " + search.limit();
        }
        // the first `walk` leads in page order that meet every other criterion, then the text on their rows: the
        // database stops reading the list's index once the page is full
        return "SELECT " + LeadRows.NAMES + " FROM (SELECT " + LeadRows.NAMES + " FROM lm_lead WHERE " + where
                + " ORDER BY " + order + " LIMIT " + walk + ") x WHERE 1 = 1" + rowText + " ORDER BY " + order
                + " LIMIT " + search.limit();
    }

    /** {@code SELECT status, COUNT(*) ... GROUP BY status} over the leads the filter matches. */
    String countByStatus() {
        return "SELECT status, COUNT(*) FROM lm_lead WHERE " + where + rowText + " GROUP BY status";
    }

    /**
     * Binds the clause's values to the statement's placeholders, from the first on.
     *
     * @return the index of the placeholder after them
     */
    int bind(PreparedStatement ps, SqlDialect dialect) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof UUID id) {
                dialect.bind(ps, i + 1, id);
            } else if (value instanceof Instant instant) {
                dialect.bind(ps, i + 1, instant);
            } else if (value instanceof Integer number) {
                ps.setInt(i + 1, number);
            } else if (value instanceof Long number) {
                ps.setLong(i + 1, number);
            } else {
                ps.setString(i + 1, (String) value);
            }
        }
        return params.size() + 1;
    }

    /** The sort expression, or null when it is the same for every lead (STATUS_ORDER without statuses). */
    private static String sortKey(LeadSearch search) {
        return switch (search.sort().field()) {
            case LAST_ACTIVITY -> "last_activity_at";
            case CREATED -> "created_at";
            case NAME -> "name_key";
            case STATUS_ORDER -> statusOrder(search.statusOrder());
        };
    }

    private static String statusOrder(List<StatusKey> order) {
        if (order.isEmpty()) {
            return null;
        }
        StringBuilder caseExpr = new StringBuilder("CASE status");
        for (int i = 0; i < order.size(); i++) {
            // status keys are [a-z0-9_-]: safe as literals, and literals let the database fold the expression
            caseExpr.append(" WHEN '").append(order.get(i).value()).append("' THEN ").append(i);
        }
        return caseExpr.append(" ELSE ").append(UNKNOWN_STATUS).append(" END").toString();
    }

    /**
     * The words a lead must have a word beginning with: the term's ({@code SearchWords.ofTerm}), without those that
     * begin another of them (they add nothing), sorted; empty for a term without words.
     */
    static List<String> termWords(String term) {
        List<String> words = new ArrayList<>(new java.util.TreeSet<>(SearchWords.ofTerm(term)));
        words.removeIf(w -> words.stream().anyMatch(other -> other.length() > w.length() && other.startsWith(w)));
        return words;
    }

    /**
     * Every word of the term begins a word of the lead ({@code SearchWords}): the driving word as the leads of the
     * project with a word in its prefix range of {@code lm_lead_word}'s primary key, every other word as
     * {@code search_words LIKE '% word%'} on the row. A term without words matches no lead.
     */
    private void text(TenantId tenant, ProjectId project, String term, String drivingWord) {
        List<String> words = termWords(term);
        if (words.isEmpty()) {
            where.append(" AND 1 = 0");
            return;
        }
        for (String word : words) {
            if (word.equals(drivingWord)) {
                where.append(" AND id IN (SELECT w.lead_id FROM lm_lead_word w WHERE w.tenant_id = ?"
                        + " AND w.project_id = ? AND w.word LIKE ").append(likeLiteral("", word)).append(')');
                params.add(tenant.value());
                params.add(project.value());
            } else {
                // a blank then the word begins one of the kept words: words hold no blank
                rowText.append(" AND search_words LIKE ").append(likeLiteral("% ", word));
            }
        }
    }

    /**
     * {@code 'before' || word || '%'} as an SQL literal with its escape clause. A literal, not a parameter: from the
     * sixth run of a prepared statement PostgreSQL may use a generic plan, which cannot turn {@code LIKE ?} into a
     * range of an index nor weigh it, and it then scans a project's words. A word holds letters and digits only
     * ({@code SearchWords}), so it needs no quoting; anything else is refused here.
     */
    static String likeLiteral(String before, String word) {
        if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("a search word holds letters and digits only");
        }
        return "'" + before + escapeLike(word) + "%' ESCAPE '" + ESCAPE + "'";
    }

    private static String foldColumn(ContactField field) {
        return switch (field) {
            case NAME -> "name_fold";
            case EMAIL -> "email_fold";
            case PHONE -> "phone_fold";
            case COMPANY -> "company_fold";
            case CITY -> "city_fold";
        };
    }

    private void range(String column, Instant from, Instant to) {
        if (from != null) {
            and(column + " >= ?", from);
        }
        if (to != null) {
            and(column + " < ?", to);
        }
    }

    /** {@code column = ?} or {@code column IN (?, ?, ...)}, one placeholder per value. */
    private String oneOf(String column, List<String> values) {
        if (values.size() == 1) {
            params.add(values.get(0));
            return column + " = ?";
        }
        StringBuilder sb = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "?" : ", ?");
            params.add(values.get(i));
        }
        return sb.append(')').toString();
    }

    private void and(String condition, Object value) {
        where.append(" AND ").append(condition);
        params.add(value);
    }

    static String escapeLike(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                sb.append(ESCAPE);
            }
            sb.append(ch);
        }
        return sb.toString();
    }
}
