package org.leadmanager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.HostPortException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;

/** Who owns a lead, changed by hand: one lead or many. */
final class LeadOwners {
    private final Context ctx;

    LeadOwners(Context ctx) {
        this.ctx = ctx;
    }

    Lead assign(Actor actor, LeadId id, UserId user) {
        ctx.requireActiveUser(actor, user, "user");
        return ctx.write(actor, tx -> assignInTx(tx, id, user));
    }

    Lead unassign(Actor actor, LeadId id) {
        return ctx.write(actor, tx -> assignInTx(tx, id, null));
    }

    AssignAllResult assignAll(Actor actor, Set<LeadId> ids, UserId user) {
        ctx.requireActiveUser(actor, user, "user");
        return assignChunked(actor, ids, user);
    }

    AssignAllResult unassignAll(Actor actor, Set<LeadId> ids) {
        return assignChunked(actor, ids, null);
    }

    /**
     * Assigns in chunks, each in one unit of work. A lead that is gone, not the actor's to change, or whose access
     * check fails in the host is rejected before anything of it is written, so the rest of its chunk goes on. A
     * lead changed concurrently rolls its chunk back; that chunk is then repeated lead by lead, so only the changed
     * lead is rejected.
     */
    private AssignAllResult assignChunked(Actor actor, Set<LeadId> ids, UserId user) {
        List<LeadId> sorted = ids.stream().sorted().toList();
        List<LeadId> changed = new ArrayList<>();
        Map<LeadId, Rejection> rejected = new LinkedHashMap<>();
        for (int from = 0; from < sorted.size(); from += ctx.chunkSize) {
            List<LeadId> chunk = sorted.subList(from, Math.min(sorted.size(), from + ctx.chunkSize));
            Map<LeadId, Rejection> refused;
            try {
                refused = ctx.write(actor, tx -> {
                    Map<LeadId, Rejection> r = new LinkedHashMap<>();
                    for (LeadId id : chunk) {
                        try {
                            assignInTx(tx, id, user);
                        } catch (NotFoundException | AccessDeniedException | HostPortException e) {
                            r.put(id, Rejections.of(e));
                        }
                    }
                    return r;
                });
            } catch (StaleModificationException | ConflictException e) {
                refused = new LinkedHashMap<>();
                for (LeadId id : chunk) {
                    try {
                        ctx.write(actor, tx -> assignInTx(tx, id, user));
                    } catch (NotFoundException | AccessDeniedException | HostPortException
                             | StaleModificationException | ConflictException single) {
                        refused.put(id, Rejections.of(single));
                    }
                }
            }
            for (LeadId id : chunk) {
                if (!refused.containsKey(id)) {
                    changed.add(id);
                }
            }
            rejected.putAll(refused);
        }
        return new AssignAllResult(changed, rejected);
    }

    private Lead assignInTx(Tx tx, LeadId id, UserId user) {
        Lead lead = ctx.changeableLead(tx, id);
        UserId by = tx.actor.user();
        OwnerReason reason = user == null ? OwnerReason.unassigned(by) : OwnerReason.manual(by);
        return tx.save(LeadChanges.assign(lead, user, reason, tx.now));
    }
}
