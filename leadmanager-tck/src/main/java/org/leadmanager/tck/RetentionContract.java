package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.RetentionJob;
import org.leadmanager.RetentionRule;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.event.DomainEvent.LeadErased;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.error.NotFoundException;

/**
 * Retention rules with a test clock: the job erases exactly the leads past their project's limit, its dry run lists
 * exactly those and changes nothing, a lead touched in time is kept, and several nodes erase each lead once.
 */
public abstract class RetentionContract extends ContractBase {
    private static final Duration DAY = Duration.ofDays(1);

    private RetentionJob job(LeadManager on, RetentionRule... rules) {
        return on.retentionJob(RetentionJob.Options.of(List.of(rules)).withBatchSize(2));
    }

    private Set<LeadId> erasedEvents() {
        Set<LeadId> erased = new HashSet<>();
        for (LeadErased e : fx.events.events(fx.tenant, LeadErased.class)) {
            assertEquals(ErasureReason.RETENTION, e.reason());
            assertTrue(erased.add(e.lead()), "one receipt per erased lead: " + e);
        }
        return erased;
    }

    private boolean exists(LeadId lead) {
        try {
            fx.reload(lead);
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    @Test
    void lostLeadsPastTheLimitGoAndNothingElse() {
        Project project = fx.project("Retention " + UUID.randomUUID());
        Project otherProject = fx.project("Retention other " + UUID.randomUUID());
        Lead lostLong = fx.lead(project.id());
        Lead lostLongToo = fx.lead(project.id());
        Lead openLong = fx.lead(project.id());
        Lead lostElsewhere = fx.lead(otherProject.id());
        lm().leads().disqualify(manager(), lostLong.id(), "no budget");
        lm().leads().disqualify(manager(), lostLongToo.id(), "no budget");
        lm().leads().disqualify(manager(), lostElsewhere.id(), "no budget");
        fx.clock.advance(DAY.multipliedBy(20));
        Lead lostRecently = fx.lead(project.id());
        lm().leads().disqualify(manager(), lostRecently.id(), "no budget");
        fx.clock.advance(DAY.multipliedBy(11));
        RetentionJob job = job(lm(), RetentionRule.lostFor(fx.tenant, project.id(), DAY.multipliedBy(30)));

        TenantSnapshot before = fx.snapshot();
        List<RetentionJob.Due> dry = job.dryRun(100);
        assertEquals(Set.of(lostLong.id(), lostLongToo.id()),
                Set.copyOf(dry.stream().map(RetentionJob.Due::lead).toList()));
        assertEquals(before, fx.snapshot(), "a dry run changes nothing");

        assertEquals(2, job.eraseDue());

        assertEquals(Set.of(lostLong.id(), lostLongToo.id()), erasedEventsAfterRelay());
        assertTrue(!exists(lostLong.id()) && !exists(lostLongToo.id()));
        assertTrue(exists(openLong.id()) && exists(lostRecently.id()) && exists(lostElsewhere.id()));
        CountAgreement.assertAgree(fx, project.id(), "after retention");
        assertEquals(0, job.eraseDue(), "nothing is due any more");
        assertEquals(List.of(), job.dryRun(100));
    }

    private Set<LeadId> erasedEventsAfterRelay() {
        fx.relayEvents();
        return erasedEvents();
    }

    @Test
    void untouchedLeadsGoWhateverTheirStatusAndActivityKeepsALead() {
        Project project = fx.project("Untouched " + UUID.randomUUID());
        Lead idle = fx.lead(project.id());
        Lead worked = fx.lead(project.id());
        Lead won = fx.lead(project.id());
        lm().leads().convert(manager(), won.id());
        fx.clock.advance(DAY.multipliedBy(40));
        RetentionJob job = job(lm(), RetentionRule.untouchedFor(fx.tenant, project.id(), DAY.multipliedBy(35)));
        assertEquals(Set.of(idle.id(), worked.id(), won.id()),
                Set.copyOf(job.dryRun(10).stream().map(RetentionJob.Due::lead).toList()));
        assertEquals(2, job.dryRun(2).size(), "the dry run stops at its limit");

        lm().leads().addNote(manager(), worked.id(), "still interested");
        assertEquals(2, job.eraseDue());

        assertEquals(Set.of(idle.id(), won.id()), erasedEventsAfterRelay());
        assertTrue(exists(worked.id()));
        fx.clock.advance(DAY.multipliedBy(36));
        assertEquals(1, job.eraseDue());
        assertTrue(!exists(worked.id()));
        CountAgreement.assertAgree(fx, project.id(), "after retention");
    }

    @Test
    void severalNodesEraseEachLeadOnce() throws Exception {
        Project project = fx.project("Retention nodes " + UUID.randomUUID());
        List<LeadId> due = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Lead lead = fx.lead(project.id());
            lm().leads().disqualify(manager(), lead.id(), "gone " + i);
            due.add(lead.id());
        }
        fx.clock.advance(DAY.multipliedBy(10));
        Lead kept = fx.lead(project.id());
        RetentionRule rule = RetentionRule.lostFor(fx.tenant, project.id(), DAY.multipliedBy(5));
        List<RetentionJob> nodes = List.of(job(lm(), rule), job(fx.newLeadManager(b -> { }), rule),
                job(fx.newLeadManager(b -> { }), rule));
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        int total = 0;
        try {
            List<Callable<Integer>> runs = nodes.stream().map(n -> (Callable<Integer>) n::eraseDue).toList();
            for (Future<Integer> run : pool.invokeAll(runs, 120, TimeUnit.SECONDS)) {
                total += run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(due.size(), total, "the nodes' counts add up to the leads due");
        assertEquals(Set.copyOf(due), erasedEventsAfterRelay());
        assertTrue(exists(kept.id()));
        CountAgreement.assertAgree(fx, project.id(), "after retention on several nodes");
    }

    @Test
    void aStartedJobErasesInTheBackgroundAndStops() throws Exception {
        Project project = fx.project("Retention started " + UUID.randomUUID());
        Lead lost = fx.lead(project.id());
        lm().leads().disqualify(manager(), lost.id(), "no");
        fx.clock.advance(DAY.multipliedBy(3));
        CountDownLatch receipt = new CountDownLatch(1);
        LeadManager node = fx.newLeadManager(b -> b.events(envelope -> {
            if (envelope.tenant().equals(fx.tenant) && envelope.event() instanceof LeadErased) {
                receipt.countDown();
            }
        }));
        RetentionJob job = node.retentionJob(RetentionJob.Options.of(
                List.of(RetentionRule.lostFor(fx.tenant, project.id(), DAY))).withPollInterval(Duration.ofMillis(20)));
        EventRelay relay = node.eventRelay(EventRelay.Options.defaults().withPollInterval(Duration.ofMillis(20)));
        relay.start();
        job.start();
        try {
            assertTrue(receipt.await(30, TimeUnit.SECONDS), "the started job erases the lead and receipts it");
        } finally {
            job.close();
            relay.close();
        }
        assertTrue(!exists(lost.id()), "the started job erased the lead");
        assertThrows(IllegalStateException.class, job::start, "a stopped job stays stopped");
    }
}
