package org.leadmanager.tck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.ProjectOverview;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;

/**
 * What a manager of a tenant can read, flattened to comparable text: projects with versions and counts, leads,
 * notes, follow-ups, timeline lengths, the manager's saved searches, marketing actions, and the number of events
 * published for the tenant. Two equal snapshots around a rejected call prove that it changed nothing.
 */
public record TenantSnapshot(List<String> projects, List<String> leads, List<String> notes, List<String> followUps,
        List<String> timelines, List<String> savedSearches, List<String> actions, int publishedEvents) {

    /** Reads the snapshot through the public API. */
    public static TenantSnapshot of(LeadManager lm, Actor manager, RecordingPublisher publisher) {
        List<String> projects = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> followUps = new ArrayList<>();
        List<String> timelines = new ArrayList<>();
        for (ProjectOverview overview : lm.projects().list(manager)) {
            Project p = overview.project();
            projects.add(describe(p) + " counts=" + overview.counts().byStatus());
            for (Lead lead : allLeads(lm, manager, p)) {
                leads.add(describe(lead));
                for (Note note : lm.leads().notes(manager, lead.id())) {
                    notes.add(note.toString());
                }
                for (FollowUp f : lm.followUps().forLead(manager, lead.id())) {
                    followUps.add(f + " owner=" + f.owner() + " note=" + f.note() + " reminded=" + f.remindedAt());
                }
                timelines.add(lead.id() + " entries=" + lm.leads().timeline(manager, lead.id()).size());
            }
        }
        List<String> saved = lm.search().savedSearches(manager).stream().map(Object::toString).toList();
        List<String> actions = lm.qualification().actions(manager).stream().map(Object::toString).toList();
        return new TenantSnapshot(projects, leads, notes, followUps, timelines, saved, actions,
                publisher.events(manager.tenant()).size());
    }

    /** Every lead of the project, oldest first, read page by page. */
    public static List<Lead> allLeads(LeadManager lm, Actor actor, Project project) {
        List<Lead> all = new ArrayList<>();
        Set<LeadId> seen = new HashSet<>();
        LeadQuery query = new LeadQuery(project.id(), LeadCriteria.all(), LeadSort.ascending(SortField.CREATED), 500,
                null);
        LeadPage page;
        do {
            page = lm.search().find(actor, query);
            for (Lead lead : page.leads()) {
                if (!seen.add(lead.id())) {
                    throw new AssertionError("paging returned lead " + lead.id() + " twice in project "
                            + project.name());
                }
                all.add(lead);
            }
            query = query.after(page.nextCursor());
        } while (page.hasNext());
        return all;
    }

    static String describe(Project p) {
        return p + " name=" + p.name() + " archived=" + p.archived() + " statuses=" + p.statuses() + " default="
                + p.defaultStatus() + " transitions=" + p.transitions() + " team=" + p.team() + " groups="
                + p.groups() + " policy=" + p.assignment();
    }

    static String describe(Lead l) {
        return l + " card=" + l.card() + " origin=" + l.origin() + " reason=" + l.ownerReason() + " lost="
                + l.lostReason() + " created=" + l.createdAt() + " activity=" + l.lastActivityAt() + " next="
                + l.nextFollowUpAt();
    }
}
