package org.leadmanager;

import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.error.NotFoundException;

/** The snapshot of the contact's card a lead keeps, refreshed from the host. */
final class LeadCards {
    private final Context ctx;

    LeadCards(Context ctx) {
        this.ctx = ctx;
    }

    /** Asks the host outside the unit of work, then stores the card on the lead. */
    Lead refresh(Actor actor, LeadId id) {
        Lead current = ctx.read(s -> ctx.viewableLead(s, actor, id));
        ContactCard card = ctx.contacts.find(actor.tenant(), current.contact())
                .orElseThrow(() -> new NotFoundException("contact", current.contact()));
        return ctx.write(actor, tx -> tx.save(LeadChanges.refreshCard(ctx.changeableLead(tx, id), card, tx.now)));
    }
}
