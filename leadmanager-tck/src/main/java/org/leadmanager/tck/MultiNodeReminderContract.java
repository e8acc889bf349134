package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.leadmanager.BulkResult;
import org.leadmanager.ItemOutcome;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.event.DomainEvent.FollowUpDue;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.host.Reminder;

/**
 * Reminders across host nodes: several lead managers, each on a store of its own over one shared database and
 * each with its own node id, dispatch the same due follow-ups. Every due follow-up fires once in total; a node
 * that dies after claiming only delays its reminders until the lease ends, and the node that takes them over
 * hands the notifier the same idempotency key.
 *
 * <p>Every test gets an empty database of its own from {@link #newDatabase()}, so it can assert that nothing is
 * left to fire. Time comes from the fixture clock, which stands still while the nodes race; the test waits for the
 * racing threads, never for the wall clock.
 */
public abstract class MultiNodeReminderContract {
    private static final int NODES = 4;
    private static final int LEADS = 100;
    private static final int NOT_YET_DUE = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);

    /**
     * One database that several nodes open stores on. A JPA adapter opens a new EntityManagerFactory per store,
     * as separate host processes would; an in-memory store is its own database and returns itself.
     */
    public interface SharedDatabase extends AutoCloseable {

        /** A store on this database for one more node. */
        LeadStore openStore();

        /** Releases every store opened and the database. */
        @Override
        void close();

        /** A database whose stores come from {@code open} and that {@code close} releases. */
        static SharedDatabase of(Supplier<LeadStore> open, Runnable close) {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            return new SharedDatabase() {
                @Override
                public LeadStore openStore() {
                    return open.get();
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }

    /** A new, empty database for one test. */
    protected abstract SharedDatabase newDatabase();

    /** How many follow-ups fall due at once in the load test: 10,000 unless the adapter says otherwise. */
    protected int followUpsDueAtOnce() {
        return 10_000;
    }

    private SharedDatabase database;
    private TckFixture fx;
    private final List<Node> nodes = new ArrayList<>();

    /** One host node: its lead manager (on a store of its own), dispatcher and the notifier calls it made. */
    private record Node(String id, LeadStore store, LeadManager lm, RecordingNotifier notifier,
            ReminderDispatcher dispatcher) {
    }

    @BeforeEach
    void openDatabase() {
        database = newDatabase();
        fx = TckFixture.create(database.openStore());
    }

    @AfterEach
    void closeDatabase() {
        nodes.forEach(n -> n.dispatcher().close());
        database.close();
    }

    /** A node on a store of its own; the first one shares the fixture's store. */
    private Node node(String id, int batchSize) {
        LeadStore store = nodes.isEmpty() ? fx.store : database.openStore();
        LeadManager lm = fx.newLeadManager(b -> b.store(store));
        RecordingNotifier notifier = new RecordingNotifier();
        ReminderDispatcher dispatcher = lm.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                .withNodeId(id).withLease(LEASE).withBatchSize(batchSize));
        Node node = new Node(id, store, lm, notifier, dispatcher);
        nodes.add(node);
        return node;
    }

    @Test
    void everyDueFollowUpFiresOnceAcrossFourNodes(TestReporter report) {
        int dueCount = followUpsDueAtOnce();
        Project project = fx.project("Solar roofs");
        List<LeadId> leads = qualifiedLeads(project);
        Instant start = fx.clock.instant();
        Map<FollowUpId, FollowUp> due = insert(project.id(), leads, dueCount, i -> start.plusSeconds(1 + i % 3600));
        Map<FollowUpId, FollowUp> notYetDue = insert(project.id(), leads, NOT_YET_DUE,
                i -> start.plusSeconds(7200 + i));
        for (int n = 1; n <= NODES; n++) {
            node("node-" + n, 20);
        }
        fx.clock.advance(Duration.ofHours(1));
        Instant firedAt = fx.clock.instant();

        List<Integer> firedPerNode = race(nodes.stream().map(Node::dispatcher).toList());

        assertEquals(dueCount, firedPerNode.stream().mapToInt(Integer::intValue).sum(),
                "the nodes together report each due reminder once: " + firedPerNode);
        Map<String, String> notifiedBy = new HashMap<>();
        for (Node node : nodes) {
            for (Reminder reminder : node.notifier().attempts(fx.tenant)) {
                String earlier = notifiedBy.put(reminder.idempotencyKey(), node.id());
                assertNull(earlier, "notified twice, by " + earlier + " and " + node.id() + ": "
                        + reminder.idempotencyKey());
                assertEquals(1, reminder.attempt());
            }
        }
        assertEquals(keys(due.values()), notifiedBy.keySet(), "every due follow-up notified, nothing else");

        Map<FollowUpId, FollowUp> stored = storedFollowUps(leads);
        for (FollowUp expected : due.values()) {
            FollowUp fired = stored.get(expected.id());
            assertEquals(ReminderState.FIRED, fired.reminder(), fired::toString);
            assertEquals(firedAt, fired.remindedAt());
            assertEquals(notifiedBy.get(expected.idempotencyKey()), fired.claimedBy(),
                    "marked fired by the node that notified");
        }
        for (FollowUp waiting : notYetDue.values()) {
            assertEquals(ReminderState.PENDING, stored.get(waiting.id()).reminder(), "not due yet");
        }

        fx.relayEvents();
        List<FollowUpDue> dueEvents = fx.events.events(fx.tenant, FollowUpDue.class);
        assertEquals(dueCount, dueEvents.size(), "one FollowUpDue per fired reminder");
        assertEquals(due.keySet(), dueEvents.stream().map(FollowUpDue::followUp).collect(Collectors.toSet()));

        fx.clock.advance(LEASE.plusSeconds(1));
        for (Node node : nodes) {
            assertEquals(0, node.dispatcher().dispatchDue(), node.id() + " finds nothing left, not even a lease");
        }
        assertEquals(dueCount, nodes.stream().mapToInt(n -> n.notifier().attempts(fx.tenant).size()).sum());
        report.publishEntry("fired per node", nodes.stream().map(Node::id).toList() + " " + firedPerNode);
    }

    @Test
    void aNodeKilledAfterClaimingOnlyDelaysItsRemindersUntilItsLeaseEnds() {
        Lead lead = lead();
        List<FollowUp> due = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            due.add(fx.lm.followUps().schedule(fx.manager, lead.id(),
                    fx.clock.instant().plus(Duration.ofMinutes(1 + i % 10)), "Call back " + i));
        }
        Node killed = node("node-a", 20);
        Node survivor = node("node-b", 20);
        fx.clock.advance(Duration.ofMinutes(10));
        Instant now = fx.clock.instant();

        List<FollowUp> taken = killed.store().inTransaction(
                s -> s.reminders().claimDue(now, 20, killed.id(), now.plus(LEASE)));
        // node A dies here: it never notifies and never marks what it claimed

        assertEquals(20, taken.size());
        Set<FollowUpId> takenIds = ids(taken);
        assertEquals(10, survivor.dispatcher().dispatchDue(), "the unclaimed ones fire at once");
        assertEquals(Set.copyOf(difference(ids(due), takenIds)), Set.copyOf(notifiedIds(survivor)));
        fx.clock.advance(LEASE.minusSeconds(1));
        assertEquals(0, survivor.dispatcher().dispatchDue(), "the lease holds");

        fx.clock.advance(Duration.ofSeconds(1));
        assertEquals(20, survivor.dispatcher().dispatchDue(), "the expired claims are taken over");
        assertEquals(0, survivor.dispatcher().dispatchDue());

        List<Reminder> takenOver = survivor.notifier().attempts(fx.tenant).subList(10, 30);
        assertEquals(takenIds, ids(takenOver.stream().map(Reminder::followUp).toList()));
        assertEquals(keys(taken), takenOver.stream().map(Reminder::idempotencyKey).collect(Collectors.toSet()),
                "the same idempotency keys as the dead node's claims");
        assertTrue(takenOver.stream().allMatch(r -> r.attempt() == 2), "the dead node's claim counted as attempt 1");
        assertTrue(killed.notifier().attempts(fx.tenant).isEmpty());
        for (FollowUp followUp : fx.lm.followUps().forLead(fx.manager, lead.id())) {
            assertEquals(ReminderState.FIRED, followUp.reminder());
            assertEquals(survivor.id(), followUp.claimedBy());
        }
        fx.relayEvents();
        assertEquals(ids(due), fx.events.events(fx.tenant, FollowUpDue.class).stream().map(FollowUpDue::followUp)
                .collect(Collectors.toSet()));
        assertEquals(30, fx.events.events(fx.tenant, FollowUpDue.class).size());
    }

    @Test
    void aNodeThatCrashesMidBatchLeavesTheBatchToAnotherNodeWithTheSameKeys() {
        Lead lead = lead();
        List<FollowUp> due = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            due.add(fx.lm.followUps().schedule(fx.manager, lead.id(),
                    fx.clock.instant().plus(Duration.ofMinutes(1 + i)), "Call back " + i));
        }
        Node crashing = node("node-a", 10);
        Node survivor = node("node-b", 10);
        AtomicInteger calls = new AtomicInteger();
        crashing.notifier().crashWhen(r -> calls.incrementAndGet() == 5);
        fx.clock.advance(Duration.ofMinutes(15));

        assertThrows(RecordingNotifier.Crash.class, crashing.dispatcher()::dispatchDue);
        List<Reminder> beforeCrash = crashing.notifier().delivered(fx.tenant);
        assertEquals(4, beforeCrash.size(), "delivered before the crash, never marked fired");
        assertEquals(5, survivor.dispatcher().dispatchDue(), "the five the crashed node had not claimed");
        fx.clock.advance(LEASE.minusSeconds(1));
        assertEquals(0, survivor.dispatcher().dispatchDue(), "the lease holds");
        fx.clock.advance(Duration.ofSeconds(1));
        assertEquals(10, survivor.dispatcher().dispatchDue(), "the crashed node's batch is taken over");

        List<Reminder> delivered = new ArrayList<>(beforeCrash);
        delivered.addAll(survivor.notifier().delivered(fx.tenant));
        Map<String, Long> deliveriesPerKey = delivered.stream()
                .collect(Collectors.groupingBy(Reminder::idempotencyKey, LinkedHashMap::new, Collectors.counting()));
        assertEquals(keys(due), deliveriesPerKey.keySet(), "deduplicated by key, each follow-up once");
        Set<String> twice = deliveriesPerKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertEquals(beforeCrash.stream().map(Reminder::idempotencyKey).collect(Collectors.toSet()), twice,
                "only what the crashed node delivered comes again, with the same key");
        assertTrue(deliveriesPerKey.values().stream().allMatch(c -> c <= 2));
        fx.relayEvents();
        assertEquals(15, fx.events.events(fx.tenant, FollowUpDue.class).size(), "marked fired once each");
    }

    // ---- helpers

    private Lead lead() {
        Project project = fx.project("Heat pumps");
        return fx.lm.leads().assign(fx.manager, fx.lead(project.id()).id(), fx.alice);
    }

    private List<LeadId> qualifiedLeads(Project project) {
        List<LeadId> leads = new ArrayList<>();
        BulkResult result = fx.lm.qualification().qualifyAll(fx.manager, project.id(), fx.contacts(LEADS, "Contact"),
                (outcomes, processed) -> outcomes.stream().map(o -> ((ItemOutcome.Added) o).lead()).forEach(leads::add));
        assertEquals(LEADS, result.added());
        return leads;
    }

    /**
     * Stores follow-ups the way {@code FollowUps.schedule} does, round-robin over the leads, through the store SPI
     * in units of work of 500: scheduling thousands one call at a time would make the test slow, not stronger.
     */
    private Map<FollowUpId, FollowUp> insert(ProjectId project, List<LeadId> leads, int count,
            IntFunction<Instant> dueAt) {
        Map<FollowUpId, FollowUp> created = new LinkedHashMap<>();
        List<FollowUp> chunk = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunk.add(FollowUp.schedule(new FollowUpId(UUID.randomUUID()), fx.tenant, leads.get(i % leads.size()),
                    project, fx.alice, dueAt.apply(i), "Call back " + i, fx.mia, fx.clock.instant()));
            if (chunk.size() == 500 || i == count - 1) {
                List<FollowUp> unit = List.copyOf(chunk);
                fx.store.inTransaction(s -> {
                    unit.forEach(s.followUps()::insert);
                    return null;
                });
                unit.forEach(f -> created.put(f.id(), f));
                chunk.clear();
            }
        }
        return created;
    }

    private Map<FollowUpId, FollowUp> storedFollowUps(List<LeadId> leads) {
        Map<FollowUpId, FollowUp> stored = new HashMap<>();
        for (LeadId lead : leads) {
            fx.lm.followUps().forLead(fx.manager, lead).forEach(f -> stored.put(f.id(), f));
        }
        return stored;
    }

    /** Runs every dispatcher's {@code dispatchDue()} on a thread of its own, all released at once. */
    private static List<Integer> race(List<ReminderDispatcher> dispatchers) {
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size());
        CountDownLatch ready = new CountDownLatch(dispatchers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (ReminderDispatcher dispatcher : dispatchers) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return dispatcher.dispatchDue();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> fired = new ArrayList<>();
            for (Future<Integer> future : futures) {
                fired.add(future.get(5, TimeUnit.MINUTES));
            }
            return fired;
        } catch (ExecutionException e) {
            throw new AssertionError("a dispatcher failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the dispatchers did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<FollowUpId> ids(List<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::id).collect(Collectors.toSet());
    }

    private static Set<String> keys(Collection<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::idempotencyKey).collect(Collectors.toSet());
    }

    private List<FollowUpId> notifiedIds(Node node) {
        return node.notifier().attempts(fx.tenant).stream().map(r -> r.followUp().id()).toList();
    }

    private static Set<FollowUpId> difference(Set<FollowUpId> all, Set<FollowUpId> minus) {
        Set<FollowUpId> rest = new HashSet<>(all);
        rest.removeAll(minus);
        return rest;
    }
}
