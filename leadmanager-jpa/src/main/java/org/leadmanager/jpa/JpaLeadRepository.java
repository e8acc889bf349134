package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.LeadRepository;

/** Leads in {@code lm_lead}: one row per project and contact, enforced by a unique key. */
final class JpaLeadRepository implements LeadRepository {
    /** The statement that follows a page to check the version of its project (see {@link #page}). */
    private static final String PROJECT_VERSION = "SELECT version FROM lm_project WHERE id = ? AND tenant_id = ?";

    /** Leads a text page walks per lead asked for, when its word is common (at 1% of a list's leads and more). */
    private static final int WALK_PER_LEAD = 100;
    /** Fewest leads a text page walks. */
    private static final int WALK_MIN = 5000;
    private final JpaSession s;

    JpaLeadRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return s.<LeadEntity>first(s.em.createQuery("select l from LmLead l where l.id = :id and l.tenantId = :tenant",
                LeadEntity.class).setParameter("id", id.value()).setParameter("tenant", tenant.value()))
                .map(LeadEntity::toDomain);
    }

    @Override
    public List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return s.<LeadEntity>list(s.em.createQuery("select l from LmLead l where l.tenantId = :tenant"
                + " and l.id in :ids", LeadEntity.class).setParameter("tenant", tenant.value())
                .setParameter("ids", ids.stream().map(LeadId::value).distinct().toList()))
                .stream().map(LeadEntity::toDomain).toList();
    }

    @Override
    public Optional<Lead> findByContact(TenantId tenant, ProjectId project, ContactId contact) {
        return s.<LeadEntity>first(s.em.createQuery("select l from LmLead l where l.projectId = :project"
                + " and l.contactId = :contact and l.tenantId = :tenant", LeadEntity.class)
                .setParameter("project", project.value()).setParameter("contact", contact.value())
                .setParameter("tenant", tenant.value())).map(LeadEntity::toDomain);
    }

    @Override
    public List<Lead> findAllByContact(TenantId tenant, ContactId contact) {
        List<Lead> leads = new ArrayList<>(s.<LeadEntity>list(s.em.createQuery("select l from LmLead l"
                + " where l.tenantId = :tenant and l.contactId = :contact", LeadEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("contact", contact.value()))
                .stream().map(LeadEntity::toDomain).toList());
        leads.sort(Comparator.comparing(Lead::id));
        return leads;
    }

    @Override
    public Set<ContactId> existingContacts(TenantId tenant, ProjectId project, Collection<ContactId> contacts) {
        List<String> keys = contacts.stream().map(ContactId::value).distinct().toList();
        Set<ContactId> existing = new HashSet<>();
        if (!keys.isEmpty()) {
            s.dialect.existingContacts(s, tenant.value(), project.value(), keys)
                    .forEach(c -> existing.add(ContactId.of(c)));
        }
        return existing;
    }

    /**
     * Inserts chunk by chunk with the database's insert-if-absent statement ({@link SqlDialect#insertLeadsIfAbsent}),
     * so concurrent units of work and nodes never create a second lead for a project and contact.
     */
    @Override
    public List<Lead> insertIfAbsent(List<Lead> leads) {
        if (leads.isEmpty()) {
            return List.of();
        }
        Set<UUID> inserted = new HashSet<>();
        List<LeadEntity> insertedRows = new ArrayList<>();
        int chunkSize = s.dialect.leadChunk(s.store.batchSize());
        for (int from = 0; from < leads.size(); from += chunkSize) {
            // the same order on every node keeps concurrent chunks from deadlocking on each other's keys
            List<LeadEntity> rows = leads.subList(from, Math.min(leads.size(), from + chunkSize)).stream()
                    .map(LeadEntity::of)
                    .sorted(Comparator.comparing((LeadEntity e) -> e.projectId, JpaSession.UNSIGNED)
                            .thenComparing(e -> e.contactId))
                    .toList();
            Set<UUID> chunk = s.dialect.insertLeadsIfAbsent(s, rows);
            inserted.addAll(chunk);
            rows.stream().filter(r -> chunk.contains(r.id)).forEach(insertedRows::add);
            LeadWords.insert(s, insertedRows);
            insertedRows.clear();
        }
        return leads.stream().filter(l -> inserted.contains(l.id().value())).toList();
    }

    @Override
    public Lead update(Lead lead) {
        LeadEntity changed = LeadEntity.of(lead);
        LeadEntity[] before = new LeadEntity[1];
        if (!s.updateVersioned(LeadEntity.class, changed.id, changed, stored -> {
            before[0] = new LeadEntity();
            before[0].projectId = stored.projectId;
            before[0].searchWords = stored.searchWords;
            return stored.tenantId.equals(changed.tenantId) && stored.version == changed.version;
        })) {
            throw new StaleModificationException("lead", lead.id(), lead.version());
        }
        // the words change with the card, in this unit of work
        LeadWords.update(s, before[0], changed);
        return lead.withVersion(lead.version() + 1);
    }

    @Override
    public void touch(TenantId tenant, LeadId lead, Instant at) {
        int rows = s.em.createQuery("update LmLead l set l.lastActivityAt = case when l.lastActivityAt < :at"
                + " then :at else l.lastActivityAt end where l.id = :id and l.tenantId = :tenant")
                .setParameter("at", at).setParameter("id", lead.value()).setParameter("tenant", tenant.value())
                .executeUpdate();
        requireOne(rows, tenant, lead);
    }

    @Override
    public void setNextFollowUpAt(TenantId tenant, LeadId lead, Instant due) {
        int rows = s.em.createQuery("update LmLead l set l.nextFollowUpAt = :due where l.id = :id"
                + " and l.tenantId = :tenant").setParameter("due", due).setParameter("id", lead.value())
                .setParameter("tenant", tenant.value()).executeUpdate();
        requireOne(rows, tenant, lead);
    }

    /**
     * An update of one lead that changes no value counts 0 rows where the connection reports changed rather than
     * matched rows (MariaDB's {@code useAffectedRows}, a host's choice): then the lead is looked up.
     */
    private void requireOne(int rows, TenantId tenant, LeadId lead) {
        if (rows != 1 && (rows != 0 || s.em.createQuery("select count(l) from LmLead l where l.id = :id"
                + " and l.tenantId = :tenant", Long.class).setParameter("id", lead.value())
                .setParameter("tenant", tenant.value()).getSingleResult() != 1)) {
            throw new StaleModificationException("lead " + lead + " is gone; reload", null);
        }
    }

    /** Deletes the lead's row and then its words, found by the primary key of {@code lm_lead_word} (see LeadWords). */
    @Override
    public void delete(Lead lead) {
        // the stored words name the rows to delete; the version check below fails if they changed meanwhile
        Optional<Object[]> stored = s.<Object[]>first(s.em.createQuery("select l.projectId, l.searchWords"
                + " from LmLead l where l.id = :id and l.tenantId = :tenant and l.version = :version", Object[].class)
                .setParameter("id", lead.id().value()).setParameter("tenant", lead.tenant().value())
                .setParameter("version", lead.version()));
        int rows = stored.isEmpty() ? 0 : s.em.createQuery("delete from LmLead l where l.id = :id"
                + " and l.tenantId = :tenant and l.version = :version").setParameter("id", lead.id().value())
                .setParameter("tenant", lead.tenant().value()).setParameter("version", lead.version())
                .executeUpdate();
        if (rows == 0) {
            throw new StaleModificationException("lead", lead.id(), lead.version());
        }
        LeadWords.delete(s, lead.tenant().value(), (UUID) stored.get()[0], lead.id().value(),
                LeadWords.words((String) stored.get()[1]));
    }

    /**
     * One SQL statement per page, whatever the page size ({@link LeadFilter#page}), on the unit of work's
     * connection, its rows read by {@link LeadRows#read}. When the unit of work assumed the search's project at a
     * version ({@link JpaSession#assume}), the page's round trip also checks that version (see {@link #page}).
     *
     * <p>A text takes one statement more, and at most two: {@link LeadWords#isRare} weighs its longest word, unless
     * the store remembers it as common in the project ({@link CommonWords}) from a walk that filled its page. A rare
     * word's range of {@code lm_lead_word} selects the page's candidates. For a common one the page walks the list's
     * index and tests each lead's {@code search_words}, reading at most {@link #WALK_PER_LEAD} leads per lead asked
     * for (at least {@link #WALK_MIN}): a common word fills the page long before; when it does not (the matches are
     * sparse in page order, or fewer than a page), the word's range selects the page after all.
     */
    @Override
    public List<Lead> search(LeadSearch search) {
        String text = search.criteria().text();
        if (text == null) {
            return page(search, null, null);
        }
        String longest = LeadWords.longest(LeadFilter.termWords(text));
        if (longest == null) {
            return page(search, null, null);
        }
        String tenant = search.tenant().value();
        UUID project = search.project().value();
        CommonWords common = s.store.commonWords();
        if (common.contains(tenant, project, longest) || !LeadWords.isRare(s, search.tenant(), search.project(),
                longest)) {
            List<Lead> walked = page(search, null, Math.max(WALK_MIN, WALK_PER_LEAD * search.limit()));
            if (walked.size() == search.limit()) {
                common.remember(tenant, project, longest);
                return walked;
            }
            common.forget(tenant, project, longest);
        }
        return page(search, longest, null);
    }

    /**
     * A page statement. While the unit of work assumes the search's project at a version, the round trip also checks
     * it: where the dialect sends two statements as one ({@link SqlDialect#sendsStatementsTogether}), a small
     * statement reading the version follows the page statement; elsewhere the page statement returns rows only while
     * the project is at that version. (Within the page statement, PostgreSQL plans the project's table anew for every
     * page, which costs more than the statement after it.) The version is read after the page because versions only
     * grow: still the assumed one after the page, it was the one while the page was read.
     */
    private List<Lead> page(LeadSearch search, String drivingWord, Integer walk) {
        Long projectVersion = s.assumedVersion(search.project());
        boolean after = projectVersion != null && s.dialect.sendsStatementsTogether();
        LeadFilter filter = new LeadFilter(search.tenant(), search.project(), search.criteria(), drivingWord);
        String page = s.dialect.sortedSelect(filter.page(search, after ? null : projectVersion, walk));
        List<Lead> leads = s.jdbc((connection, dialect) -> {
            List<Lead> found = new ArrayList<>(search.limit());
            try (PreparedStatement ps = connection.prepareStatement(after ? page + "; " + PROJECT_VERSION : page)) {
                int next = filter.bind(ps, dialect);
                if (after) {
                    dialect.bind(ps, next, search.project().value());
                    ps.setString(next + 1, search.tenant().value());
                }
                ps.execute();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        found.add(LeadRows.read(rs, dialect).toDomain());
                    }
                }
                if (after) {
                    if (!ps.getMoreResults()) {
                        throw new SQLException("the project's version did not follow the page");
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        if (rs.next() && rs.getLong(1) == projectVersion) {
                            s.confirmed(search.project());
                        }
                    }
                }
            }
            return found;
        });
        if (projectVersion != null && !after && !leads.isEmpty()) {
            s.confirmed(search.project());
        }
        return leads;
    }

    @Override
    public Map<StatusKey, Long> countByStatus(TenantId tenant, ProjectId project, LeadCriteria criteria) {
        // counting reads every match: the rarest-looking word's range selects them, the others are tested per row
        String text = criteria.text();
        String drivingWord = text == null ? null : LeadWords.longest(LeadFilter.termWords(text));
        LeadFilter filter = new LeadFilter(tenant, project, criteria, drivingWord);
        return s.jdbc((connection, dialect) -> {
            Map<StatusKey, Long> counts = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(filter.countByStatus())) {
                filter.bind(ps, dialect);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(StatusKey.of(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    // first-response deadlines

    /** One JPQL update: the deadline, claimable from it, claimed by nobody, not attempted yet. */
    @Override
    public void setResponseDue(TenantId tenant, LeadId lead, Instant due) {
        int rows = s.em.createQuery("update LmLead l set l.responseDueAt = :due, l.responseClaimableAt = :due,"
                + " l.responseClaimedBy = null, l.responseAttempts = 0, l.responseError = null"
                + " where l.id = :id and l.tenantId = :tenant")
                .setParameter("due", due).setParameter("id", lead.value()).setParameter("tenant", tenant.value())
                .executeUpdate();
        requireOne(rows, tenant, lead);
    }

    @Override
    public List<Lead> findByResponseDue(TenantId tenant, ProjectId project, Instant before, int limit) {
        return s.<LeadEntity>list(s.em.createQuery("select l from LmLead l where l.tenantId = :tenant"
                + " and l.projectId = :project and l.responseDueAt < :before order by l.responseDueAt, l.id",
                LeadEntity.class).setParameter("tenant", tenant.value()).setParameter("project", project.value())
                .setParameter("before", before).setMaxResults(limit))
                .stream().map(LeadEntity::toDomain).toList();
    }
}
