package org.leadmanager;

import java.util.List;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.domain.project.MarketingAction;

/**
 * {@link Qualification}, composed of one class per capability: lead intake (manual qualification, one or many),
 * group qualification, marketing actions and the assignment preview.
 */
final class QualificationService implements Qualification {
    private final LeadIntake intake;
    private final GroupQualification groups;
    private final MarketingActions actions;
    private final AssignmentPreviews previews;

    QualificationService(Context ctx, OwnerAssigner assigner) {
        this.intake = new LeadIntake(ctx, assigner);
        this.groups = new GroupQualification(ctx, intake);
        this.actions = new MarketingActions(ctx, intake);
        this.previews = new AssignmentPreviews(ctx, assigner);
    }

    @Override
    public QualifyResult qualify(Actor actor, ProjectId project, ContactId contact) {
        return intake.qualify(actor, project, contact, Origin.manual(actor.user()));
    }

    @Override
    public BulkResult qualifyAll(Actor actor, ProjectId project, Iterable<ContactId> contacts,
            BulkListener listener) {
        return intake.qualifyAll(actor, project, contacts, Origin.manual(actor.user()), listener);
    }

    @Override
    public List<QualifyResult> contactJoinedGroup(Actor actor, ContactGroupId group, ContactId contact) {
        return groups.contactJoined(actor, group, contact);
    }

    @Override
    public BulkResult syncGroups(Actor actor, ProjectId project, BulkListener listener) {
        return groups.sync(actor, project, listener);
    }

    @Override
    public MarketingAction createAction(Actor actor, NewAction command) {
        return actions.create(actor, command);
    }

    @Override
    public MarketingAction createAction(Actor actor, String name, Set<ProjectId> projects) {
        return actions.create(actor, NewAction.of(name, ActionKind.OTHER, projects));
    }

    @Override
    public List<MarketingAction> actions(Actor actor) {
        return actions.all(actor);
    }

    @Override
    public List<QualifyResult> actionResponse(Actor actor, MarketingActionId action, ContactId contact) {
        return actions.response(actor, action, contact);
    }

    @Override
    public List<AssignmentPreview> previewAssignment(Actor actor, ProjectId project, List<ContactId> contacts) {
        return previews.preview(actor, project, contacts);
    }
}
