package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.leadmanager.LeadManager;
import org.leadmanager.ProjectOverview;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;

/**
 * Whether a project's kept counts equal a recount from its leads, as a user sees both: the leads read page by page
 * are the recount; the lead managers list, the counts per status with and without owner filters, and the owners'
 * counts that least-open-leads assignment uses (the counts with an owner filter read the same kept numbers) must
 * all agree with it, and {@code projects().recount} must find nothing to correct.
 */
final class CountAgreement {

    private CountAgreement() {
    }

    /** Checks the project as the fixture's manager sees it; {@code where} goes into every failure message. */
    static void assertAgree(TckFixture fx, ProjectId projectId, Object where) {
        assertAgree(fx.lm, fx.manager, projectId, List.of(fx.mia, fx.alice, fx.bob, fx.carol, fx.ivan), where);
    }

    static void assertAgree(LeadManager lm, Actor manager, ProjectId projectId, List<UserId> users, Object where) {
        Project project = lm.projects().get(manager, projectId);
        List<Lead> leads = TenantSnapshot.allLeads(lm, manager, project);
        String at = project.name() + ": " + where;

        ProjectOverview listed = lm.projects().list(manager).stream()
                .filter(o -> o.project().id().equals(projectId)).findFirst()
                .orElseThrow(() -> new AssertionError("project missing from the list: " + at));
        assertEquals(perStatus(project, leads, l -> true), listed.counts().byStatus(), "the list's counts, " + at);
        assertEquals(perStatus(project, leads, l -> true), counts(lm, manager, project, LeadCriteria.all()),
                "counts per status, " + at);

        Set<UserId> owners = new LinkedHashSet<>(users);
        leads.stream().map(Lead::assignee).filter(u -> u != null).forEach(owners::add);
        for (UserId owner : owners) {
            assertEquals(perStatus(project, leads, l -> owner.equals(l.assignee())),
                    counts(lm, manager, project, LeadCriteria.all().withAssignees(owner)),
                    "counts of " + owner + "'s leads, " + at);
        }
        assertEquals(perStatus(project, leads, l -> l.assignee() == null),
                counts(lm, manager, project, LeadCriteria.all().withUnassigned(true)), "unassigned leads, " + at);
        List<UserId> two = new ArrayList<>(owners).subList(0, Math.min(2, owners.size()));
        assertEquals(perStatus(project, leads, l -> l.assignee() == null || two.contains(l.assignee())),
                counts(lm, manager, project, LeadCriteria.all().withAssignees(two.toArray(UserId[]::new))
                        .withUnassigned(true)), "leads of " + two + " or nobody, " + at);
        Set<StatusKey> ticked = Set.copyOf(project.statusOrder().subList(0, Math.min(2, project.statuses().size())));
        Map<StatusKey, Long> tickedCounts = perStatus(project, leads, l -> ticked.contains(l.status()));
        assertEquals(tickedCounts, counts(lm, manager, project, LeadCriteria.all().withStatuses(ticked)),
                "counts of the ticked statuses " + ticked + ", " + at);

        assertEquals(0, lm.projects().recount(manager, projectId).corrected(),
                "a recount finds nothing to correct, " + at);
    }

    private static Map<StatusKey, Long> counts(LeadManager lm, Actor manager, Project project, LeadCriteria criteria) {
        return lm.search().countByStatus(manager, project.id(), criteria).byStatus();
    }

    /** The leads the predicate accepts per status of the project, in its order, zero-filled. */
    static Map<StatusKey, Long> perStatus(Project project, List<Lead> leads, Predicate<Lead> accepted) {
        Map<StatusKey, Long> counts = new LinkedHashMap<>();
        project.statusOrder().forEach(s -> counts.put(s, 0L));
        for (Lead lead : leads) {
            if (accepted.test(lead)) {
                counts.merge(lead.status(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
