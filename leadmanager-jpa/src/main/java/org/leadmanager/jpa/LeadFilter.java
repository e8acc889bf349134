package org.leadmanager.jpa;

import jakarta.persistence.Query;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * {@link LeadCriteria} and keyset position as a JPQL where-clause over {@code LmLead l}, with exactly the
 * semantics of {@code LeadCriteria.matches} and {@code LeadOrdering}: the text criterion is a LIKE on the stored
 * lower-case keys, field equality compares stored folds with the folded value, ranges are {@code [from, to)},
 * ties break by id.
 */
final class LeadFilter {
    /** The sort value of a status missing from the status order, as in {@code LeadOrdering}. */
    private static final int UNKNOWN_STATUS = Integer.MAX_VALUE;
    private static final char ESCAPE = '!';

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    LeadFilter(TenantId tenant, ProjectId project, LeadCriteria c) {
        where.append("l.tenantId = :tenant and l.projectId = :project");
        params.put("tenant", tenant.value());
        params.put("project", project.value());
        if (!c.statuses().isEmpty()) {
            where.append(" and ").append(oneOf("l.status", "status", c.statuses().stream().map(StatusKey::value)
                    .sorted().toList()));
        }
        if (c.restrictsAssignee()) {
            List<String> users = c.assignees().stream().map(UserId::value).sorted().toList();
            if (users.isEmpty()) {
                where.append(" and l.assignee is null");
            } else if (c.unassigned()) {
                where.append(" and (").append(oneOf("l.assignee", "assignee", users)).append(" or l.assignee is null)");
            } else {
                where.append(" and ").append(oneOf("l.assignee", "assignee", users));
            }
        }
        if (c.text() != null) {
            and("(l.nameKey like :text escape '" + ESCAPE + "' or l.emailKey like :text escape '" + ESCAPE
                    + "' or l.companyKey like :text escape '" + ESCAPE + "')",
                    "text", "%" + escapeLike(CaseFolding.lower(c.text())) + "%");
        }
        for (Map.Entry<ContactField, String> f : c.fields().entrySet()) {
            String name = "field" + f.getKey().ordinal();
            and("l." + foldAttribute(f.getKey()) + " = :" + name, name, CaseFolding.fold(f.getValue().strip()));
        }
        if (!c.sources().isEmpty()) {
            where.append(" and (l.originKind = '").append(OriginKind.ACTION.name()).append("' and ")
                    .append(oneOf("l.originRef", "source", c.sources().stream().map(MarketingActionId::toString)
                            .sorted().toList()))
                    .append(')');
        }
        range("l.createdAt", "created", c.createdFrom(), c.createdTo());
        range("l.lastActivityAt", "activity", c.activityFrom(), c.activityTo());
        if (c.hasOpenFollowUp() != null) {
            where.append(c.hasOpenFollowUp() ? " and l.nextFollowUpAt is not null" : " and l.nextFollowUpAt is null");
        }
        if (c.followUpDueBefore() != null) {
            and("l.nextFollowUpAt < :dueBefore", "dueBefore", c.followUpDueBefore());
        }
    }

    /**
     * {@code select new LeadEntity(l.id, ...) ... order by}: the search's page, strictly after its keyset. With a project version (else
     * null), the query returns rows only while the search's project is stored at that version. Adds to the filter's
     * clause and parameters: build a new filter per query.
     */
    static String page(LeadSearch search, LeadFilter filter, Long projectVersion) {
        if (projectVersion != null) {
            filter.where.append(" and exists (select 1 from LmProject p where p.id = :project"
                    + " and p.tenantId = :tenant and p.version = :projectVersion)");
            filter.params.put("projectVersion", projectVersion);
        }
        LeadSort sort = search.sort();
        String key = sortKey(search);
        String dir = sort.descending() ? "desc" : "asc";
        Keyset after = search.after();
        if (after != null) {
            String cmp = sort.descending() ? "<" : ">";
            if (key == null) {
                // every lead sorts as an unknown status: the keyset value decides alone, then the id
                int c = Integer.compare(UNKNOWN_STATUS, (Integer) after.value());
                if (c == 0) {
                    filter.and("l.id " + cmp + " :afterId", "afterId", after.id().value());
                } else if (sort.descending() ? c > 0 : c < 0) {
                    filter.where.append(" and 1 = 0");
                }
            } else {
                // expanded row comparison (portable); the first conjunct lets an index bound the range
                filter.params.put("afterValue", after.value());
                filter.params.put("afterId", after.id().value());
                filter.where.append(" and ").append(key).append(' ').append(cmp).append("= :afterValue and (")
                        .append(key).append(' ').append(cmp).append(" :afterValue or (").append(key)
                        .append(" = :afterValue and l.id ").append(cmp).append(" :afterId))");
            }
        }
        String order = key == null ? "l.id " + dir : key + " " + dir + ", l.id " + dir;
        return LeadEntity.SELECT + " from LmLead l where " + filter.where + " order by " + order;
    }

    String where() {
        return where.toString();
    }

    void bind(Query query) {
        params.forEach(query::setParameter);
    }

    /** The sort expression, or null when it is the same for every lead (STATUS_ORDER without statuses). */
    private static String sortKey(LeadSearch search) {
        return switch (search.sort().field()) {
            case LAST_ACTIVITY -> "l.lastActivityAt";
            case CREATED -> "l.createdAt";
            case NAME -> "l.nameKey";
            case STATUS_ORDER -> statusOrder(search.statusOrder());
        };
    }

    private static String statusOrder(List<StatusKey> order) {
        if (order.isEmpty()) {
            return null;
        }
        StringBuilder caseExpr = new StringBuilder("case l.status");
        for (int i = 0; i < order.size(); i++) {
            // status keys are [a-z0-9_-]: safe as literals, and literals let the database fold the expression
            caseExpr.append(" when '").append(order.get(i).value()).append("' then ").append(i);
        }
        return caseExpr.append(" else ").append(UNKNOWN_STATUS).append(" end").toString();
    }

    private static String foldAttribute(ContactField field) {
        return switch (field) {
            case NAME -> "nameFold";
            case EMAIL -> "emailFold";
            case PHONE -> "phoneFold";
            case COMPANY -> "companyFold";
            case CITY -> "cityFold";
        };
    }

    private void range(String attribute, String name, Instant from, Instant to) {
        if (from != null) {
            and(attribute + " >= :" + name + "From", name + "From", from);
        }
        if (to != null) {
            and(attribute + " < :" + name + "To", name + "To", to);
        }
    }

    /**
     * {@code attribute = :name0} or {@code attribute in (:name0, :name1, ...)}, one parameter per value. A query
     * without collection-valued parameters is one the provider translates to SQL once per shape and then reuses; a
     * collection parameter, or a single parameter in an IN list (which could stand for a collection), makes it
     * translate the query again at every execution (Hibernate 7: about 0.3 ms per page).
     */
    private String oneOf(String attribute, String name, List<String> values) {
        StringBuilder sb = new StringBuilder(attribute).append(values.size() == 1 ? " = " : " in (");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? ":" : ", :").append(name).append(i);
            params.put(name + i, values.get(i));
        }
        return values.size() == 1 ? sb.toString() : sb.append(')').toString();
    }

    private void and(String condition, String param, Object value) {
        where.append(" and ").append(condition);
        params.put(param, value);
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
