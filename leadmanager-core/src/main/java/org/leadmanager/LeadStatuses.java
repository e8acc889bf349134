package org.leadmanager;

import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/** A lead's status: plain changes, conversion and disqualification, all decided by {@link Lead#moveTo}. */
final class LeadStatuses {
    private final Context ctx;

    LeadStatuses(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Moves the lead. {@code category} is what the caller asked for: WON to convert, LOST to disqualify, null for a
     * plain change; {@code status} null takes the project's first status of that category.
     */
    Lead move(Actor actor, LeadId id, StatusKey status, StatusCategory category, String reason) {
        return ctx.write(actor, tx -> {
            Lead lead = ctx.lead(tx.s, actor, id);
            Project project = ctx.project(tx.s, actor, lead.project());
            ctx.requireChange(actor, project, lead);
            return tx.save(LeadChanges.moveTo(lead, project, status, category, reason, tx.now));
        });
    }

    /** Moves a lead off a status its project retired; {@code project} is the project after the retirement. */
    static void moveOffRetired(Tx tx, Lead lead, Project project, StatusKey retired, StatusKey replacement) {
        tx.save(LeadChanges.moveOffRetired(lead, project, retired, replacement, tx.now));
    }
}
