package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.leadmanager.EscalationDispatcher;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.event.DomainEvent.FirstResponseBreached;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.host.EscalationNotifier;
import org.leadmanager.tck.TckFixture;

/**
 * Four nodes (each a store on a connection pool of its own) escalate 10,000 breached first-response deadlines on
 * PostgreSQL at once: each breach is notified once and settled once, with one {@code FirstResponseBreached} event.
 */
class PostgresEscalationTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final int NODES = 4;
    private static final int BREACHES = 10_000;

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void fourDispatchersEscalateTenThousandBreachesEachOnce(TestReporter report) throws Exception {
        TckFixture fx = TckFixture.create(JpaLeadStore.create(DB.newEmf()));
        Project project = fx.project("Hotline");
        fx.lm.projects().setFirstResponse(fx.manager, project.id(), FirstResponsePolicy.of(Duration.ofHours(4),
                BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                fx.carol));
        assertEquals(BREACHES, fx.lm.qualification().qualifyAll(fx.manager, project.id(),
                fx.contacts(BREACHES, "Caller")).added());
        fx.clock.advance(Duration.ofDays(7));

        Map<LeadId, AtomicInteger> notified = new ConcurrentHashMap<>();
        EscalationNotifier notifier = e -> notified.computeIfAbsent(e.lead().id(), id -> new AtomicInteger())
                .incrementAndGet();
        List<EscalationDispatcher> nodes = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            LeadManager lm = LeadManager.builder().store(JpaLeadStore.create(DB.newEmf())).contacts(fx.contacts)
                    .users(fx.users).events(fx.events).clock(fx.clock).build();
            nodes.add(lm.escalationDispatcher(EscalationDispatcher.Options.defaults(notifier)
                    .withNodeId("node-" + node)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        CountDownLatch go = new CountDownLatch(1);
        int settled = 0;
        long started;
        long took;
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (EscalationDispatcher d : nodes) {
                Callable<Integer> work = () -> {
                    go.await();
                    return d.escalateDue();
                };
                done.add(pool.submit(work));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<Integer> f : done) {
                settled += f.get(10, TimeUnit.MINUTES);
            }
            took = System.nanoTime() - started;
        } finally {
            pool.shutdownNow();
            nodes.forEach(EscalationDispatcher::close);
        }
        String measured = BREACHES + " breaches escalated by " + NODES + " dispatchers in "
                + TimeUnit.NANOSECONDS.toMillis(took) + " ms";
        report.publishEntry("escalations", measured);
        System.out.println(measured);

        assertEquals(BREACHES, settled);
        assertEquals(BREACHES, notified.size());
        notified.forEach((lead, times) -> assertEquals(1, times.get(), "notified more than once: " + lead));
        fx.relayEvents();
        Set<LeadId> escalated = new HashSet<>();
        for (FirstResponseBreached b : fx.events.events(fx.tenant, FirstResponseBreached.class)) {
            assertTrue(escalated.add(b.lead()), "escalated twice: " + b.lead());
        }
        assertEquals(notified.keySet(), escalated);
        assertEquals(List.of(), fx.lm.search().byResponseDeadline(fx.manager, project.id(),
                fx.clock.instant().plusSeconds(1), 10));
    }
}
