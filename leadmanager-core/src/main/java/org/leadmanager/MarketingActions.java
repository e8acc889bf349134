package org.leadmanager;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.error.NotFoundException;

/** Marketing actions, and the responses to them that qualify the contact for the action's projects. */
final class MarketingActions {
    private final Context ctx;
    private final LeadIntake intake;

    MarketingActions(Context ctx, LeadIntake intake) {
        this.ctx = ctx;
        this.intake = intake;
    }

    MarketingAction create(Actor actor, Qualification.NewAction command) {
        ctx.requireConfigure(actor);
        MarketingAction.requirePeriod(command.startsOn(), command.endsOn(), "command.endsOn");
        return ctx.write(actor, tx -> {
            command.projects().forEach(p -> ctx.project(tx.s, actor, p));
            MarketingAction action = new MarketingAction(new MarketingActionId(ctx.ids.next()), actor.tenant(),
                    command.name(), command.kind(), command.projects(), command.startsOn(), command.endsOn(),
                    tx.now);
            tx.s.actions().insert(action);
            return action;
        });
    }

    List<MarketingAction> all(Actor actor) {
        return ctx.read(s -> s.actions().findAll(actor.tenant()));
    }

    /** The contact responded: it becomes a lead of each open project of the action, with the action as origin. */
    List<QualifyResult> response(Actor actor, MarketingActionId actionId, ContactId contact) {
        List<Project> projects = ctx.read(s -> {
            MarketingAction action = s.actions().find(actor.tenant(), actionId)
                    .orElseThrow(() -> new NotFoundException("marketing action", actionId));
            return action.projects().stream()
                    .sorted()
                    .map(id -> s.projects().find(actor.tenant(), id))
                    .flatMap(Optional::stream)
                    .toList();
        });
        return intake.qualifyForEach(actor, projects, contact, Origin.action(actionId, actor.user()));
    }
}
