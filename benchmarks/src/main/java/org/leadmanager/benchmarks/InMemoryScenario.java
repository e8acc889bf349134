package org.leadmanager.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.leadmanager.spi.store.LeadStore;

/**
 * Scenario 5: the in-memory store's filtered page (project, three of six statuses, one of five assignees, newest
 * activity first, 50 leads) over 1,000,000 leads through the public API, against a naive stream filter and sort
 * over all leads.
 */
final class InMemoryScenario implements Scenario {

    @Override
    public List<Result> run() throws Exception {
        int size = Bench.scaled(1_000_000, 10_000);
        InMemoryLeadStore store = InMemoryLeadStore.create();
        LeadManager manager = LeadManager.builder().store(store).contacts(new GeneratedContacts())
                .users(JpaNode.USERS).build();
        Project project = manager.projects().create(JpaNode.ACTOR, new org.leadmanager.Projects.Create("Memory",
                org.leadmanager.domain.project.ProjectKind.PROJECT, JpaNode.STATUSES, StatusKey.of("new")));
        List<Lead> all = load(store, project, size);
        Bench.log("loaded %,d leads; heap used %,d MiB", all.size(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));

        LeadCriteria criteria = LeadCriteria.all()
                .withStatuses(StatusKey.of("new"), StatusKey.of("contacted"), StatusKey.of("proposal"))
                .withAssignees(UserId.of("agent-1"));
        LeadQuery query = LeadQuery.firstPage(project.id(), criteria);
        LeadOrdering ordering = new LeadSearch(JpaNode.TENANT, project.id(), criteria, LeadSort.byLastActivity(),
                project.statusOrder(), null, 50).ordering();
        List<Lead> naive = naive(all, project, criteria, ordering);
        List<Lead> ours = manager.search().find(JpaNode.ACTOR, query).leads();
        BulkQualificationScenario.check(naive.stream().map(Lead::id).toList()
                .equals(ours.stream().map(Lead::id).toList()), "the naive page equals ours");

        List<Double> o = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (int rep = 0; rep <= Bench.reps(); rep++) {
            double om = Bench.millisPerCall(2000, () -> manager.search().find(JpaNode.ACTOR, query));
            double nm = Bench.millisPerCall(3, () -> naive(all, project, criteria, ordering));
            if (rep > 0) {
                o.add(om);
                n.add(nm);
            }
        }
        double ours1 = Bench.median(o);
        double naive1 = Bench.median(n);
        return List.of(new Result("5 in-memory store", String.format("filtered page of 50 over %,d leads: ms per"
                + " call", size), ours1, naive1, false, "≤ 0.05 (≥ 20× faster)", Bench.yesNo(naive1 / ours1 >= 20),
                String.format("%.0f× faster; ours through the API (validation, access check); baseline: stream"
                        + " filter + sort of all leads", naive1 / ours1)));
    }

    /** Statuses by (n / 6) % 6, assignee by n % 6 (0 = unassigned), last activity spread over a year. */
    private static List<Lead> load(LeadStore store, Project project, int size) {
        List<Lead> all = new ArrayList<>(size);
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        List<StatusKey> statuses = project.statusOrder();
        for (int from = 0; from < size; from += 10_000) {
            List<Lead> chunk = new ArrayList<>(10_000);
            for (int i = from; i < Math.min(size, from + 10_000); i++) {
                long n = i + 1L;
                Instant activity = base.plusMillis((n * 2654435761L) % 31_536_000_000L);
                UserId assignee = n % 6 == 0 ? null : UserId.of("agent-" + n % 6);
                chunk.add(Lead.reconstitute(new LeadId(UUID.randomUUID()), JpaNode.TENANT, project.id(),
                        GeneratedContacts.id(n), GeneratedContacts.card(n), statuses.get((int) (n / 6 % 6)), assignee,
                        Origin.manual(JpaNode.MANAGER), assignee == null ? OwnerReason.unassigned(JpaNode.MANAGER)
                                : OwnerReason.manual(JpaNode.MANAGER), null, activity.minusSeconds(86_400),
                        activity.minusSeconds(86_400), activity, null, 0));
            }
            store.inTransaction(s -> s.leads().insertIfAbsent(chunk));
            all.addAll(chunk);
        }
        return all;
    }

    private static List<Lead> naive(List<Lead> all, Project project, LeadCriteria criteria, LeadOrdering ordering) {
        return all.stream()
                .filter(l -> l.tenant().equals(JpaNode.TENANT) && l.project().equals(project.id()))
                .filter(criteria::matches)
                .sorted(ordering)
                .limit(50)
                .toList();
    }
}
