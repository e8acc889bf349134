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
 * Claim, notify, settle, as {@link Dispatcher} does for reminders: the claim is a lease and counts the attempt,
 * settling and recording a failure are conditional on the claim still being this node's (the store's
 * {@code settleClaimed} and {@code recordFailure}), so of two nodes that notified the same breach (one of them after
 * the other's lease ended) one settles it and records its event.
 */
final class Escalator implements EscalationDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
    /** Recorded when the store refuses the error's own text: plain ASCII that any text column takes. */
    private static final String UNSTORABLE_ERROR = "the escalation failed; its error text could not be stored";

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

    /**
     * Notifies the claimed breaches; returns those to settle (delivered, or without a policy to escalate by). A
     * failed call is recorded and retried after its backoff; a breach claimed more often than allowed is marked
     * failed without another call.
     */
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
            if (c.attempts() > options.maxAttempts()) {
                giveUp(c);
                continue;
            }
            UserId target = policy.escalationTarget(lead.assignee());
            try {
                options.notifier().notify(new Escalation("first-response:" + lead.id() + ":"
                        + lead.responseDueAt(), lead, target, lead.responseDueAt(), c.attempts()));
                delivered.add(new Breach(c, target));
            } catch (Exception e) {
                recordFailure(c, e, "notifier failed");
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
                        // notified but not settled: an attempt that failed, tried again (same key) after its backoff
                        recordFailure(breach.claimed(), single, "breach could not be settled");
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

    /**
     * Records a failed attempt ({@link FailedAttempts}); should the store refuse it, the claim expires and the
     * attempt still counts (see {@link #giveUp}). Nothing of it is thrown: the rest of the batch goes on.
     */
    private void recordFailure(Claimed claimed, Exception error, String what) {
        boolean last = claimed.attempts() >= options.maxAttempts();
        String outcome = FailedAttempts.record((text, ifRefused) -> record(claimed, text, last, ifRefused), error,
                last, UNSTORABLE_ERROR);
        FailedAttempts.log(LOG, "Escalation of lead " + claimed.lead().id() + ": " + what + " (attempt "
                + claimed.attempts() + " of " + options.maxAttempts() + ")" + outcome, error);
    }

    /**
     * A breach claimed more often than {@code maxAttempts}: its last attempt ended without a recorded outcome (a
     * failure the store refused, a node that died or ran out of lease). It is marked failed without calling the
     * notifier again; should even that fail, the claim expires and the next claim lands here again.
     */
    private void giveUp(Claimed claimed) {
        String text = "the last of " + options.maxAttempts() + " attempts ended without a recorded outcome;"
                + " not escalated again";
        if (record(claimed, text, true, "; not escalated again, its claim expires after the lease")) {
            LOG.warn("Escalation of lead {} claimed {} times, more than {} attempts; marked failed",
                    claimed.lead().id(), claimed.attempts(), options.maxAttempts());
        }
    }

    /**
     * Stores the failed attempt, failed for good if {@code last}, else claimable again once its backoff ends.
     *
     * @return false if the store failed; true also if the lead changed meanwhile (nothing to record then)
     */
    private boolean record(Claimed claimed, String error, boolean last, String ifRefused) {
        try {
            if (!ctx.write(Actor.system(claimed.lead().tenant()), tx -> tx.s.responseDeadlines().recordFailure(
                    claimed, error, last ? null : tx.now.plus(Settings.backoff(options.backoff(),
                            claimed.attempts()))))) {
                LOG.debug("Lead {} changed while its escalation failed", claimed.lead().id());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failed escalation attempt of lead {}{}", claimed.lead().id(), ifRefused,
                    e);
            return false;
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
