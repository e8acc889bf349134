package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.assignment.OwnerDecision;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.host.Escalation;
import org.leadmanager.spi.store.ResponseDeadlineQueue.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim, notify, settle, as {@link Dispatcher} does for reminders: the claim is a lease, settling is conditional
 * on the claim still being this node's (the store's {@code settleClaimed}), so of two nodes that notified the same
 * breach (one of them after the other's lease ended) one settles it and records its event.
 */
final class Escalator implements EscalationDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final Context ctx;
    private final OwnerAssigner assigner;
    private final Options options;
    private final Poller poller;

    Escalator(Context ctx, OwnerAssigner assigner, Options options) {
        this.ctx = ctx;
        this.assigner = assigner;
        this.options = options;
        this.poller = new Poller("escalation dispatcher " + options.nodeId(),
                "leadmanager-escalations-" + options.nodeId(), this::escalateDue, options.pollInterval(),
                options.threads());
    }

    @Override
    public int escalateDue() {
        int escalated = 0;
        List<Claimed> claimed = claim();
        while (!claimed.isEmpty()) {
            escalated += settle(deliver(claimed));
            claimed = poller.stopping() ? List.of() : claim();
        }
        return escalated;
    }

    private List<Claimed> claim() {
        return ctx.store.inTransaction(s -> {
            Instant now = ctx.now();
            return s.responseDeadlines().claimBreached(now, options.batchSize(), options.nodeId(),
                    now.plus(options.lease()));
        });
    }

    /** A claimed breach and who is told of it; null: its project has no policy any more. */
    private record Breach(Claimed claimed, UserId escalateTo) {
    }

    /** Notifies the claimed breaches; returns those to settle (delivered, or without a policy to escalate by). */
    private List<Breach> deliver(List<Claimed> claimed) {
        Map<ProjectId, Optional<FirstResponsePolicy>> policies = new HashMap<>();
        List<Breach> delivered = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            if (!ctx.now().isBefore(c.leaseUntil())) {
                LOG.warn("Lease of node {} ran out during a batch; the lease should outlast a whole batch",
                        options.nodeId());
                break;
            }
            Lead lead = c.lead();
            FirstResponsePolicy policy = policies.computeIfAbsent(lead.project(), id -> ctx.read(s ->
                    s.projects().find(lead.tenant(), id).map(Project::firstResponse))).orElse(null);
            if (policy == null) {
                delivered.add(new Breach(c, null));
                continue;
            }
            UserId target = policy.escalationTarget(lead.assignee());
            try {
                options.notifier().notify(new Escalation("first-response:" + lead.id() + ":"
                        + lead.responseDueAt(), lead, target, lead.responseDueAt()));
                delivered.add(new Breach(c, target));
            } catch (Exception e) {
                LOG.warn("Escalation notifier failed for lead {}; tried again after the lease", lead.id(), e);
            }
        }
        return delivered;
    }

    /** Settles the delivered breaches in one unit of work per tenant; if that fails, one by one. */
    private int settle(List<Breach> delivered) {
        Map<TenantId, List<Breach>> byTenant = new LinkedHashMap<>();
        delivered.forEach(b -> byTenant.computeIfAbsent(b.claimed().lead().tenant(), t -> new ArrayList<>()).add(b));
        int settled = 0;
        for (Map.Entry<TenantId, List<Breach>> batch : byTenant.entrySet()) {
            try {
                settled += settle(batch.getKey(), batch.getValue());
            } catch (RuntimeException e) {
                LOG.debug("Settling a batch of breaches failed; settling them one by one", e);
                for (Breach breach : batch.getValue()) {
                    try {
                        settled += settle(batch.getKey(), List.of(breach));
                    } catch (RuntimeException single) {
                        LOG.warn("Could not settle the breach of lead {}; its claim expires after the lease",
                                breach.claimed().lead().id(), single);
                    }
                }
            }
        }
        return settled;
    }

    /**
     * One store call ends the clocks still under this claim; then, for each, its event and, when the policy says
     * so, the reassignment (whose {@code LeadAssigned} starts the new owner's clock).
     */
    private int settle(TenantId tenant, List<Breach> breaches) {
        return ctx.write(Actor.system(tenant), tx -> {
            List<LeadId> settled = tx.s.responseDeadlines().settleClaimed(tenant,
                    breaches.stream().map(Breach::claimed).toList());
            int escalated = 0;
            for (Breach breach : breaches) {
                Lead claimed = breach.claimed().lead();
                if (!settled.contains(claimed.id()) || breach.escalateTo() == null) {
                    continue;
                }
                Lead lead = ctx.lead(tx.s, tx.actor, claimed.id());
                tx.record(LeadChanges.responseBreached(lead, claimed.responseDueAt(), breach.escalateTo()));
                escalated++;
                Project project = ctx.project(tx.s, tx.actor, lead.project());
                if (project.firstResponse() != null && project.firstResponse().reassignOnBreach()) {
                    reassign(tx, project, lead);
                }
            }
            return escalated;
        });
    }

    private void reassign(Tx tx, Project project, Lead lead) {
        OwnerDecision next = assigner.decideOther(tx, project, lead);
        if (next.assignee() != null && !next.assignee().equals(lead.assignee())) {
            tx.save(LeadChanges.assign(lead, next.assignee(), next.reason(), tx.now));
        }
    }

    @Override
    public void start() {
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
