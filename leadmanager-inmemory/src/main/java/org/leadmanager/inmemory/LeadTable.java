package org.leadmanager.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.FailedEscalation;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.spi.store.LeadRepository;
import org.leadmanager.spi.store.ResponseDeadlineQueue;

/**
 * Leads by id; per tenant and contact, the contact's lead per project (the unique key and the contact lookup in
 * one small immutable map); and per tenant and project the status/owner buckets of {@link ProjectLeads}.
 */
final class LeadTable implements LeadRepository, ResponseDeadlineQueue {
    private final Transactions transactions;
    private final Map<LeadId, Lead> byId = new HashMap<>();
    private final Map<TenantKey<ContactId>, Map<ProjectId, LeadId>> byContact = new HashMap<>();
    private final Map<TenantId, Map<ProjectId, ProjectLeads>> byProject = new HashMap<>();
    private final DeadlineIndex deadlines = new DeadlineIndex();

    LeadTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        transactions.checkActive();
        return Optional.ofNullable(byId.get(id)).filter(l -> l.tenant().equals(tenant));
    }

    @Override
    public List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        Objects.requireNonNull(tenant, "tenant");
        transactions.checkActive();
        return ids.stream().distinct().map(byId::get).filter(l -> l != null && l.tenant().equals(tenant)).toList();
    }

    @Override
    public Optional<Lead> findByContact(TenantId tenant, ProjectId project, ContactId contact) {
        Objects.requireNonNull(project, "project");
        TenantKey<ContactId> key = TenantKey.of(tenant, contact);
        transactions.checkActive();
        return Optional.ofNullable(byContact.getOrDefault(key, Map.of()).get(project)).map(byId::get);
    }

    /** Ordered by project id, for a stable result. */
    @Override
    public List<Lead> findAllByContact(TenantId tenant, ContactId contact) {
        TenantKey<ContactId> key = TenantKey.of(tenant, contact);
        transactions.checkActive();
        return byContact.getOrDefault(key, Map.of()).values().stream().map(byId::get)
                .sorted((a, b) -> a.project().compareTo(b.project())).toList();
    }

    @Override
    public Set<ContactId> existingContacts(TenantId tenant, ProjectId project, Collection<ContactId> contacts) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        transactions.checkActive();
        Set<ContactId> existing = new HashSet<>();
        for (ContactId contact : contacts) {
            if (byContact.getOrDefault(TenantKey.of(tenant, contact), Map.of()).containsKey(project)) {
                existing.add(contact);
            }
        }
        return Set.copyOf(existing);
    }

    /**
     * Atomic against every other unit of work because units of work run one at a time under the store lock.
     *
     * @throws ConflictException if a lead's id is already used by a lead of another project or contact
     */
    @Override
    public List<Lead> insertIfAbsent(List<Lead> leads) {
        List<Lead> candidates = List.copyOf(leads);
        return transactions.atomically(log -> {
            List<Lead> inserted = new ArrayList<>();
            for (Lead lead : candidates) {
                if (leadOf(lead.tenant(), lead.project(), lead.contact()) != null) {
                    continue;
                }
                if (byId.containsKey(lead.id())) {
                    throw new ConflictException("lead " + lead.id() + " already exists");
                }
                add(lead, log);
                deadlines.restarted(lead.id(), lead.responseDueAt(), log);
                inserted.add(lead);
            }
            return List.copyOf(inserted);
        });
    }

    /** @throws ConflictException if the lead moved to a contact that already has a lead in its project */
    @Override
    public Lead update(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        return transactions.atomically(log -> {
            Lead stored = current(lead);
            LeadId holder = leadOf(lead.tenant(), lead.project(), lead.contact());
            if (holder != null && !holder.equals(lead.id())) {
                throw new ConflictException("contact " + lead.contact() + " already has lead " + holder
                        + " in project " + lead.project());
            }
            Lead next = lead.withVersion(stored.version() + 1).withNextFollowUpAt(stored.nextFollowUpAt())
                    .touched(stored.lastActivityAt()).withResponseDueAt(stored.responseDueAt());
            remove(stored, log);
            add(next, log);
            return next;
        });
    }

    @Override
    public void touch(TenantId tenant, LeadId lead, Instant at) {
        Objects.requireNonNull(at, "at");
        replace(tenant, lead, stored -> stored.lastActivityAt().isBefore(at) ? stored.touched(at) : stored);
    }

    @Override
    public void setNextFollowUpAt(TenantId tenant, LeadId lead, Instant due) {
        replace(tenant, lead, stored -> stored.withNextFollowUpAt(due));
    }

    /** Replaces the stored lead with a copy that keeps its version. */
    private void replace(TenantId tenant, LeadId id, UnaryOperator<Lead> change) {
        transactions.atomically(log -> {
            Lead stored = byId.get(id);
            if (stored == null || !stored.tenant().equals(tenant)) {
                throw new StaleModificationException("lead " + id + " is gone; reload", null);
            }
            remove(stored, log);
            add(change.apply(stored), log);
            return null;
        });
    }

    @Override
    public void delete(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        transactions.atomically(log -> {
            remove(current(lead), log);
            deadlines.restarted(lead.id(), null, log);
            return null;
        });
    }

    // first-response deadlines

    @Override
    public void setResponseDue(TenantId tenant, LeadId lead, Instant due) {
        transactions.atomically(log -> {
            replace(tenant, lead, stored -> stored.withResponseDueAt(due));
            deadlines.restarted(lead, due, log);
            return null;
        });
    }

    @Override
    public List<Lead> findByResponseDue(TenantId tenant, ProjectId project, Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        transactions.checkActive();
        return deadlines.dueBefore(TenantKey.of(tenant, project), before, limit).stream().map(byId::get).toList();
    }

    /** Under the store lock, like every unit of work: two claimers never take the same lead. */
    @Override
    public List<Claimed> claimBreached(Instant now, int limit, String node, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        return transactions.atomically(log -> {
            List<Claimed> claimed = new ArrayList<>();
            for (LeadId id : deadlines.claimable(now, Math.max(0, limit))) {
                int attempts = deadlines.claim(id, node, leaseUntil, log);
                claimed.add(new Claimed(byId.get(id), node, leaseUntil, attempts));
            }
            return List.copyOf(claimed);
        });
    }

    @Override
    public List<LeadId> settleClaimed(TenantId tenant, List<Claimed> claimed) {
        Objects.requireNonNull(tenant, "tenant");
        return transactions.atomically(log -> {
            List<LeadId> settled = new ArrayList<>();
            for (Claimed c : claimed) {
                if (stillClaimed(tenant, c)) {
                    setResponseDue(tenant, c.lead().id(), null);
                    settled.add(c.lead().id());
                }
            }
            return List.copyOf(settled);
        });
    }

    /** Whether the tenant's lead is still under this claim, at the deadline it was claimed with. */
    private boolean stillClaimed(TenantId tenant, Claimed c) {
        Lead stored = byId.get(c.lead().id());
        return stored != null && stored.tenant().equals(tenant)
                && Objects.equals(stored.responseDueAt(), c.lead().responseDueAt())
                && deadlines.heldBy(stored.id(), c.node(), c.leaseUntil());
    }

    @Override
    public boolean recordFailure(Claimed claimed, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        return transactions.atomically(log -> {
            if (!stillClaimed(claimed.lead().tenant(), claimed)) {
                return false;
            }
            deadlines.failed(claimed.lead().id(), error, retryAt, log);
            return true;
        });
    }

    @Override
    public List<FailedEscalation> findFailed(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        transactions.checkActive();
        List<FailedEscalation> failed = new ArrayList<>();
        for (DeadlineIndex.Failure f : deadlines.failed()) {
            Lead lead = byId.get(f.lead());
            if (lead != null && lead.tenant().equals(tenant)) {
                failed.add(new FailedEscalation(lead, f.attempts(), f.error()));
            }
        }
        failed.sort(Comparator.comparing((FailedEscalation f) -> f.lead().responseDueAt())
                .thenComparing(f -> f.lead().id()));
        return failed.stream().limit(Math.max(0, limit)).toList();
    }

    @Override
    public List<Lead> search(LeadSearch search) {
        Objects.requireNonNull(search, "search");
        transactions.checkActive();
        ProjectLeads leads = projectLeads(search.tenant(), search.project());
        return leads == null ? List.of() : LeadPages.page(leads.select(search.criteria()), search);
    }

    @Override
    public Map<StatusKey, Long> countByStatus(TenantId tenant, ProjectId project, LeadCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        transactions.checkActive();
        ProjectLeads leads = projectLeads(tenant, project);
        return leads == null ? Map.of() : leads.count(criteria);
    }

    /** The project's lead tallies counted from its leads (for {@code TallyRepository.recount}). */
    Map<TallyKey, Long> countTallies(TenantId tenant, ProjectId project) {
        transactions.checkActive();
        ProjectLeads leads = projectLeads(tenant, project);
        return leads == null ? Map.of() : leads.tallies();
    }

    private ProjectLeads projectLeads(TenantId tenant, ProjectId project) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        return byProject.getOrDefault(tenant, Map.of()).get(project);
    }

    private LeadId leadOf(TenantId tenant, ProjectId project, ContactId contact) {
        return byContact.getOrDefault(TenantKey.of(tenant, contact), Map.of()).get(project);
    }

    private Lead current(Lead lead) {
        Lead stored = byId.get(lead.id());
        if (stored == null || !stored.tenant().equals(lead.tenant()) || stored.version() != lead.version()) {
            throw new StaleModificationException("lead", lead.id(), lead.version());
        }
        return stored;
    }

    private void add(Lead lead, UndoLog log) {
        log.putEntry(byId, lead.id(), lead);
        deadlines.added(lead, log);
        TenantKey<ContactId> contact = TenantKey.of(lead.tenant(), lead.contact());
        Map<ProjectId, LeadId> projects = new HashMap<>(byContact.getOrDefault(contact, Map.of()));
        projects.put(lead.project(), lead.id());
        log.putEntry(byContact, contact, Map.copyOf(projects));
        byProject.computeIfAbsent(lead.tenant(), t -> new HashMap<>())
                .computeIfAbsent(lead.project(), p -> new ProjectLeads())
                .add(lead, log);
    }

    private void remove(Lead lead, UndoLog log) {
        log.removeEntry(byId, lead.id());
        deadlines.removed(lead, log);
        TenantKey<ContactId> contact = TenantKey.of(lead.tenant(), lead.contact());
        Map<ProjectId, LeadId> projects = new HashMap<>(byContact.get(contact));
        projects.remove(lead.project());
        if (projects.isEmpty()) {
            log.removeEntry(byContact, contact);
        } else {
            log.putEntry(byContact, contact, Map.copyOf(projects));
        }
        byProject.get(lead.tenant()).get(lead.project()).remove(lead, log);
    }
}
