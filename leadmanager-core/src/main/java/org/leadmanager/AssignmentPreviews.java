package org.leadmanager;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.assignment.OwnerDecision;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.Project;
import org.leadmanager.error.NotFoundException;

/** The dry run of a project's owner policies over contacts that are not its leads yet. */
final class AssignmentPreviews {
    private final Context ctx;
    private final OwnerAssigner assigner;

    AssignmentPreviews(Context ctx, OwnerAssigner assigner) {
        this.ctx = ctx;
        this.assigner = assigner;
    }

    /** Who would get which new lead, without creating any or advancing the round-robin position. */
    List<AssignmentPreview> preview(Actor actor, ProjectId projectId, List<ContactId> contacts) {
        Map<ContactId, ContactCard> cards = ctx.contacts.findAll(actor.tenant(), new LinkedHashSet<>(contacts));
        for (ContactId id : contacts) {
            if (!cards.containsKey(id)) {
                throw new NotFoundException("contact", id);
            }
        }
        // a transaction, not a read: the round-robin preview reads the position with a (no-op) update
        return ctx.store.inTransaction(s -> {
            Tx tx = ctx.tx(s, actor);
            Project project = ctx.viewableProject(s, actor, projectId);
            Set<ContactId> existing = s.leads().existingContacts(actor.tenant(), projectId, cards.keySet());
            List<ContactId> fresh = contacts.stream().distinct().filter(c -> !existing.contains(c)).toList();
            List<OwnerDecision> decisions =
                    assigner.decide(tx, project, fresh.stream().map(cards::get).toList(), true);
            Map<ContactId, OwnerDecision> byContact = new HashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                byContact.put(fresh.get(i), decisions.get(i));
            }
            return contacts.stream().distinct().map(c -> {
                OwnerDecision d = byContact.get(c);
                return d == null ? new AssignmentPreview(c, null, null, true)
                        : new AssignmentPreview(c, d.assignee(), d.reason(), false);
            }).toList();
        });
    }
}
