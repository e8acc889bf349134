package org.leadmanager;

import java.util.List;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.project.Project;

/** Automatic qualification: members of a project's bound contact groups become its leads. */
final class GroupQualification {
    private final Context ctx;
    private final LeadIntake intake;

    GroupQualification(Context ctx, LeadIntake intake) {
        this.ctx = ctx;
        this.intake = intake;
    }

    /** The host reports a contact joined a group: it becomes a lead of every open project bound to the group. */
    List<QualifyResult> contactJoined(Actor actor, ContactGroupId group, ContactId contact) {
        List<Project> projects = ctx.read(s -> s.projects().findByGroup(actor.tenant(), group));
        return intake.qualifyForEach(actor, projects, contact, Origin.group(group, actor.user()));
    }

    /** Reconciles the project with its groups' current members, page by page: one chunk per page. */
    BulkResult sync(Actor actor, ProjectId projectId, BulkListener listener) {
        LeadIntake.Bulk bulk = intake.bulk(actor, projectId, listener);
        List<ContactGroupId> groups = bulk.project().groups().stream().sorted().toList();
        for (ContactGroupId group : groups) {
            Origin origin = Origin.group(group, actor.user());
            ContactId after = null;
            while (true) {
                List<ContactId> page = ctx.contacts.groupMembers(actor.tenant(), group, after, ctx.chunkSize);
                if (page.isEmpty()) {
                    break;
                }
                bulk.add(page, origin);
                if (page.size() < ctx.chunkSize) {
                    break;
                }
                after = page.get(page.size() - 1);
            }
        }
        return bulk.result();
    }
}
