package org.leadmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.event.Timeline;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;

/**
 * After the host merged two contacts: each lead of the merged contact moves to the surviving one, or, where that
 * contact is a lead of the same project already, is folded into that lead with its notes, follow-ups and history.
 */
final class ContactMerge {
    private final Context ctx;

    ContactMerge(Context ctx) {
        this.ctx = ctx;
    }

    MergeResult contactsMerged(Actor actor, ContactId from, ContactId into) {
        ctx.requireConfigure(actor);
        if (from.equals(into)) {
            throw ValidationException.of("into", "SameContact", "must differ from the merged contact " + from,
                    "contact", from);
        }
        ContactCard card = ctx.contacts.find(actor.tenant(), into)
                .orElseThrow(() -> new NotFoundException("contact", into));
        return ctx.write(actor, tx -> {
            List<LeadId> moved = new ArrayList<>();
            List<LeadId> merged = new ArrayList<>();
            for (Lead lead : tx.s.leads().findAllByContact(actor.tenant(), from)) {
                Optional<Lead> target = tx.s.leads().findByContact(actor.tenant(), lead.project(), into);
                if (target.isEmpty()) {
                    tx.save(LeadChanges.moveToContact(lead, into, card, tx.now));
                    moved.add(lead.id());
                } else {
                    fold(tx, lead, target.get());
                    merged.add(lead.id());
                }
            }
            return new MergeResult(moved, merged);
        });
    }

    /** Moves notes, follow-ups and timeline of {@code source} to {@code target}, then removes {@code source}. */
    private void fold(Tx tx, Lead source, Lead target) {
        TenantId tenant = tx.actor.tenant();
        // the source's lock first: a note or follow-up written on it concurrently either commits before (and is
        // moved below) or waits and then finds the source gone (and fails as stale); none is left behind
        tx.touch(source.id());
        // the source's qualification lives on its row, which is deleted: keep it as a stored timeline entry, so
        // the surviving timeline says why the folded lead existed (and, for the funnel, the status and owner it
        // had). It goes first of the source's entries, which follow the target's own, in their order; the merge's
        // entry ends them
        tx.s.activities().append(List.of(Timeline.folded(source).placed(target.id(), Activity.UNNUMBERED)));
        tx.s.notes().moveAll(tenant, source.id(), target.id());
        tx.s.followUps().moveAll(tenant, source.id(), target.id());
        tx.s.activities().moveAll(tenant, source.id(), target.id());
        boolean ownerActive = source.assignee() != null && ctx.users.isActive(tenant, source.assignee());
        tx.delete(source);
        tx.save(LeadChanges.fold(source, target, ownerActive, tx.now));
        tx.refreshNextFollowUp(target.id());
    }
}
