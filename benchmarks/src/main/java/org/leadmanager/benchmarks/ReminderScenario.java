package org.leadmanager.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.project.Project;

/**
 * Scenario 4: 100,000 follow-ups due at once, fired by 1 and by 4 reminder dispatchers (each a node of its own:
 * its own pool, EntityManagerFactory, store and lead manager), against db-scheduler executing 100,000 one-time
 * tasks due at once on the same database with the same number of nodes. The follow-ups belong to 10,000 leads, ten
 * each, dealt out in turn, so the hundred follow-ups of a batch belong to a hundred leads.
 *
 * <p>Settings, the same on both sides: polling every 100 ms; one worker thread per node; up to 100 due items
 * fetched per poll; claiming with {@code SELECT ... FOR UPDATE SKIP LOCKED} (db-scheduler's lock-and-fetch
 * strategy, its fastest on PostgreSQL); a pool of 4 connections per node. A run ends when every item was handled
 * and the nodes stopped; then no item may be left and none may have been handled twice. The lead managers have no
 * event publisher (the default, so nothing goes to the event registry); a third run per repetition gives each node
 * a publisher and a started event relay, so every {@code FollowUpDue} goes through the registry and is published
 * within the timed run.
 */
final class ReminderScenario implements Scenario {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int BATCH = 100;
    private static final int MAX_NODES = 4;
    /**
     * Follow-ups per lead. Firing a reminder appends an entry to its lead's timeline, numbered under the lead's row
     * lock, so reminders of one lead fire one unit of work after another; ten per lead, all due at once, is already
     * more than a CRM's follow-up list holds.
     */
    private static final int PER_LEAD = 10;

    /**
     * Follow-up ids as the library makes them (time-ordered UUIDs, version 7 layout), one millisecond apart in
     * creation order, rather than random ones: where new rows land in the primary-key index decides how many index
     * pages each claim touches.
     */
    private static final String TIME_ORDERED_ID = "(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7'"
            + " || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-' || substr(r, 7, 12)"
            + " FROM (SELECT lpad(to_hex(1700000000000 + g), 12, '0') AS h, md5(g::text) AS r) x)::uuid";

    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch done;

    @Override
    public List<Result> run() throws Exception {
        int size = Bench.scaled(100_000, 2000);
        try (BenchDatabase db = BenchDatabase.create("bench_reminders")) {
            db.script("bench/db-scheduler-postgresql.sql");
            List<JpaNode> nodes = new ArrayList<>();
            for (int i = 0; i < MAX_NODES; i++) {
                nodes.add(new JpaNode(db, "node-" + i, 4, new GeneratedContacts()));
            }
            Project project = nodes.get(0).project("Reminders");
            nodes.get(0).leads.qualification().qualifyAll(JpaNode.ACTOR, project.id(), GeneratedContacts.range(0,
                    size / PER_LEAD));
            List<HikariDataSource> schedulerPools = new ArrayList<>();
            for (int i = 0; i < MAX_NODES; i++) {
                schedulerPools.add(db.pool("scheduler-" + i, 4));
            }
            OneTimeTask<Void> task = Tasks.oneTime("reminder").execute((instance, context) ->
                    handle(instance.getId()));

            Bench.log("warm-up");
            ours(db, nodes, 1, Math.min(size, 10_000), false);
            theirs(db, schedulerPools, task, 1, 1, Math.min(size, 10_000));

            List<Result> results = new ArrayList<>();
            double ours1 = 0;
            for (int count : new int[] {1, 4}) {
                List<Double> o = new ArrayList<>();
                List<Double> t = new ArrayList<>();
                List<Double> e = new ArrayList<>();
                for (int rep = 1; rep <= Bench.reps(); rep++) {
                    o.add(size / ours(db, nodes, count, size, false));
                    t.add(size / theirs(db, schedulerPools, task, count, 1, size));
                    e.add(size / ours(db, nodes, count, size, true));
                    Bench.log("%d node(s), rep %d: library %.0f/s, db-scheduler %.0f/s, library publishing events"
                            + " %.0f/s", count, rep, o.get(rep - 1), t.get(rep - 1), e.get(rep - 1));
                }
                double ours = Bench.median(o);
                double theirs = Bench.median(t);
                String label = count + (count == 1 ? " dispatcher" : " dispatchers");
                results.add(new Result("4 reminder claiming", label + ": reminders/s",
                        ours, theirs, true, "≥ 1.50", Bench.yesNo(ours / theirs >= 1.5),
                        String.format("%,d due at once; 0 duplicates, 0 left (checked); library /s %s, db-scheduler"
                                + " /s %s", size, Bench.list(o), Bench.list(t))));
                double publishing = Bench.median(e);
                results.add(new Result("4 reminder claiming", label + " with an event publisher: reminders/s",
                        publishing, theirs, true, "-", "-", String.format("each FollowUpDue event through the event"
                                + " registry and published by a started relay per node; library /s %s",
                                Bench.list(e))));
                if (count == 1) {
                    ours1 = ours;
                } else {
                    results.add(new Result("4 reminder claiming", "4 vs 1 dispatchers (ours; baseline column:"
                            + " 1 dispatcher)", ours, ours1, true, "≥ 1.00", Bench.yesNo(ours >= ours1), ""));
                }
            }
            return results;
        }
    }

    private void handle(String id) {
        if (!seen.add(id)) {
            duplicates.incrementAndGet();
        }
        handled.incrementAndGet();
        done.countDown();
    }

    private void reset(int size) {
        handled.set(0);
        published.set(0);
        duplicates.set(0);
        seen.clear();
        done = new CountDownLatch(size);
    }

    /** Seconds for {@code count} dispatchers to fire {@code size} due follow-ups. */
    private double ours(BenchDatabase db, List<JpaNode> nodes, int count, int size, boolean publishing)
            throws Exception {
        db.execute("TRUNCATE lm_follow_up, lm_activity, lm_event",
                "INSERT INTO lm_follow_up (id, tenant_id, lead_id, project_id, owner_id, due_at, note, state,"
                        + " created_by, created_at, closed_at, reminder, claimable_at, claimed_by, attempts,"
                        + " reminded_at, last_error, version)"
                        + " SELECT " + TIME_ORDERED_ID + ", 'bench', l.ids[1 + g % cardinality(l.ids)], l.project,"
                        + " 'agent-' || g % 5, d.due, 'Call back ' || g, 'OPEN', 'manager', d.due - interval '1 day',"
                        + " NULL, 'PENDING', d.due, NULL, 0, NULL, NULL, 0"
                        + " FROM generate_series(1, " + size + ") g,"
                        + " (SELECT array_agg(id) AS ids, (array_agg(project_id))[1] AS project FROM lm_lead) l,"
                        + " (SELECT date_trunc('milliseconds', now()) - interval '1 minute' AS due) d",
                "VACUUM ANALYZE lm_follow_up, lm_lead", "CHECKPOINT");
        reset(size);
        List<ReminderDispatcher> dispatchers = new ArrayList<>();
        List<EventRelay> relays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LeadManager node = publishing ? nodes.get(i).publishingTo(event -> published.incrementAndGet())
                    : nodes.get(i).leads;
            dispatchers.add(node.reminderDispatcher(ReminderDispatcher.Options.defaults(
                    reminder -> handle(reminder.followUp().id().toString()))
                    .withNodeId("node-" + i).withPollInterval(POLL).withBatchSize(BATCH).withThreads(1)));
            if (publishing) {
                relays.add(node.eventRelay(EventRelay.Options.defaults().withNodeId("relay-" + i)
                        .withPollInterval(POLL).withBatchSize(BATCH)));
            }
        }
        double seconds = Bench.seconds(() -> {
            relays.forEach(EventRelay::start);
            dispatchers.forEach(ReminderDispatcher::start);
            await(size);
            dispatchers.forEach(ReminderDispatcher::stop);
            if (publishing) {
                awaitPublished(published, size);
                relays.forEach(EventRelay::stop);
            }
        });
        if (publishing) {
            BulkQualificationScenario.check(published.get() >= size, published.get() + " events for " + size);
        }
        long left = db.count("SELECT count(*) FROM lm_follow_up WHERE reminder <> 'FIRED'");
        BulkQualificationScenario.check(left == 0, left + " follow-ups left unfired");
        BulkQualificationScenario.check(duplicates.get() == 0, duplicates.get() + " duplicate reminders");
        BulkQualificationScenario.check(handled.get() == size, handled.get() + " reminders for " + size);
        return seconds;
    }

    /** Seconds for {@code count} db-scheduler nodes to execute {@code size} due one-time tasks. */
    private double theirs(BenchDatabase db, List<HikariDataSource> pools, OneTimeTask<Void> task, int count,
            int threads, int size) throws Exception {
        db.execute("TRUNCATE scheduled_tasks",
                "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " picked_by, last_success, last_failure, consecutive_failures, last_heartbeat, version)"
                        + " SELECT 'reminder', 'r' || g, NULL, now() - interval '1 minute', false, NULL, NULL, NULL,"
                        + " 0, NULL, 1 FROM generate_series(1, " + size + ") g",
                "VACUUM ANALYZE scheduled_tasks", "CHECKPOINT");
        reset(size);
        List<Scheduler> schedulers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            schedulers.add(Scheduler.create(pools.get(i), task)
                    .schedulerName(new SchedulerName.Fixed("node-" + i))
                    .threads(threads)
                    .pollingInterval(POLL)
                    .pollUsingLockAndFetch(0.5, (double) BATCH / threads)
                    .shutdownMaxWait(Duration.ofMinutes(1))
                    .build());
        }
        double seconds = Bench.seconds(() -> {
            schedulers.forEach(Scheduler::start);
            await(size);
            schedulers.forEach(Scheduler::stop);
        });
        long left = db.count("SELECT count(*) FROM scheduled_tasks");
        BulkQualificationScenario.check(left == 0, left + " tasks left");
        BulkQualificationScenario.check(duplicates.get() == 0, duplicates.get() + " duplicate executions");
        return seconds;
    }

    /** Waits, polling, until the relays published an event per reminder (at most 15 minutes). */
    private static void awaitPublished(AtomicInteger published, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (published.get() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void await(int size) throws InterruptedException {
        if (!done.await(15, TimeUnit.MINUTES)) {
            throw new IllegalStateException("only " + handled.get() + " of " + size + " handled in 15 minutes");
        }
    }
}
