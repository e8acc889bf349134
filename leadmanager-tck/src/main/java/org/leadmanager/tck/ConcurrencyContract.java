package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.BulkResult;
import org.leadmanager.error.ConflictException;
import org.leadmanager.ItemOutcome;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.QualifyResult;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.StatusChange;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.spi.host.Reminder;

/**
 * Concurrency: 8 threads released together by a start gate (no sleeps) race on one project or one lead. Stores
 * must create no duplicates, lose no acknowledged update and fire every reminder once. A thread that loses an
 * optimistic lock retries, as the API tells callers to.
 */
public abstract class ConcurrencyContract extends ContractBase {
    private static final int THREADS = 8;
    private static final int MAX_RETRIES = 10_000;

    /** Runs the tasks on their own threads, all released at once; returns their results in task order. */
    protected static <T> List<T> race(List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a racing thread failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("racing threads did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls until it does not lose an optimistic lock. */
    protected static <T> T retrying(Supplier<T> call) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            try {
                return call.get();
            } catch (StaleModificationException lost) {
                Thread.onSpinWait();
            }
        }
        return fail("still losing after " + MAX_RETRIES + " retries");
    }

    @Test
    void parallelOverlappingQualificationsCreateEachLeadOnce() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        List<ContactId> contacts = fx.contacts(80, "Visitor");
        LeadManager chunked = fx.withChunkSize(5);
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<ContactId> window = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                window.add(contacts.get((t * 10 + i) % contacts.size()));
            }
            Collections.shuffle(window, new Random(t));
            boolean bulk = t % 2 == 0;
            tasks.add(() -> {
                if (bulk) {
                    AtomicLong added = new AtomicLong();
                    BulkResult result = chunked.qualification().qualifyAll(manager(), project.id(), window,
                            (outcomes, n) -> added.addAndGet(
                                    outcomes.stream().filter(ItemOutcome.Added.class::isInstance).count()));
                    assertEquals(added.get(), result.added());
                    assertEquals(25, result.added() + result.alreadyLeads());
                    return result.added();
                }
                long created = 0;
                for (ContactId contact : window) {
                    QualifyResult r = lm().qualification().qualify(manager(), project.id(), contact);
                    assertEquals(contact, r.lead().contact());
                    created += r.created() ? 1 : 0;
                }
                return created;
            });
        }

        long created = race(tasks).stream().mapToLong(Long::longValue).sum();

        assertEquals(contacts.size(), created, "each lead is reported created exactly once");
        List<Lead> leads = TenantSnapshot.allLeads(lm(), manager(), project);
        assertEquals(contacts.size(), leads.size());
        assertEquals(Set.copyOf(contacts), Set.copyOf(leads.stream().map(Lead::contact).toList()));
        assertTrue(leads.stream().allMatch(l -> l.assignee() != null), "the round robin assigned every lead");
        assertEquals(contacts.size(), lm().search().countByStatus(manager(), project.id(),
                org.leadmanager.domain.search.LeadCriteria.all()).total());
        fx.relayEvents();
        assertEquals(contacts.size(), fx.events.events(fx.tenant, DomainEvent.LeadQualified.class).size());
    }

    /**
     * Lead managers on one store (nodes) qualifying in parallel, one by one and in chunks, continue one weighted
     * round-robin sequence: every lead gets one owner, and each member ends within 1 of their weighted share.
     */
    @Test
    void parallelQualificationsOnSeveralNodesKeepTheWeightedShares() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        lm().projects().setTeamMembers(manager(), project.id(), List.of(new TeamMember(fx.alice, 3, null),
                new TeamMember(fx.bob, 2, null), TeamMember.of(fx.carol)));
        int perThread = 24;
        List<ContactId> contacts = fx.contacts(THREADS * perThread, "Visitor");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            LeadManager node = fx.newLeadManager(b -> b.bulkChunkSize(4));
            List<ContactId> mine = contacts.subList(t * perThread, (t + 1) * perThread);
            boolean bulk = t % 2 == 0;
            tasks.add(() -> {
                if (bulk) {
                    return (int) node.qualification().qualifyAll(manager(), project.id(), mine).added();
                }
                mine.forEach(c -> node.qualification().qualify(manager(), project.id(), c));
                return mine.size();
            });
        }

        assertEquals(contacts.size(), race(tasks).stream().mapToInt(Integer::intValue).sum());

        List<Lead> leads = TenantSnapshot.allLeads(lm(), manager(), project);
        assertEquals(contacts.size(), leads.size());
        Map<UserId, Long> owners = leads.stream()
                .collect(java.util.stream.Collectors.groupingBy(Lead::assignee, java.util.stream.Collectors.counting()));
        Map<UserId, Integer> weights = Map.of(fx.alice, 3, fx.bob, 2, fx.carol, 1);
        weights.forEach((member, weight) -> {
            double share = contacts.size() * weight / 6.0;
            long got = owners.getOrDefault(member, 0L);
            assertTrue(Math.abs(got - share) <= 1, member + " got " + got + " of " + contacts.size()
                    + ", share " + share);
        });
    }

    /** A project with status "new" and, per thread t, the statuses a-t and b-t that only thread t moves to. */
    private Project racingProject() {
        List<LeadStatus> statuses = new ArrayList<>();
        statuses.add(LeadStatus.of("new", "New", StatusCategory.OPEN));
        for (int t = 0; t < THREADS; t++) {
            statuses.add(LeadStatus.of("a-" + t, "A " + t, StatusCategory.OPEN));
            statuses.add(LeadStatus.of("b-" + t, "B " + t, StatusCategory.OPEN));
        }
        return lm().projects().create(manager(),
                new Projects.Create("Racing", ProjectKind.PROJECT, statuses, StatusKey.of("new")));
    }

    /** Thread t's k-th status change (k counted over its status changes): a-t, b-t, a-t, ... so each one changes. */
    private static StatusKey racingStatus(int thread, int k) {
        return StatusKey.of((k % 2 == 0 ? "a-" : "b-") + thread);
    }

    @Test
    void parallelEditsOfOneLeadLoseNoUpdate() {
        Project project = racingProject();
        Lead lead = fx.lead(project.id());
        int opsPerThread = 20;
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                List<String> acknowledged = new ArrayList<>();
                for (int k = 0; k < opsPerThread; k++) {
                    if (k % 2 == 0) {
                        StatusKey target = racingStatus(thread, k / 2);
                        retrying(() -> lm().leads().changeStatus(manager(), lead.id(), target));
                        acknowledged.add("status:" + target);
                    } else {
                        String text = "note " + thread + "/" + k;
                        retrying(() -> lm().leads().addNote(manager(), lead.id(), text));
                        acknowledged.add("note:" + text);
                    }
                }
                return acknowledged;
            });
        }

        List<List<String>> done = race(tasks);

        Set<String> notesAcknowledged = new HashSet<>();
        Map<Integer, List<StatusKey>> statusesByThread = new HashMap<>();
        for (int t = 0; t < THREADS; t++) {
            for (String op : done.get(t)) {
                if (op.startsWith("note:")) {
                    notesAcknowledged.add(op.substring(5));
                } else {
                    statusesByThread.computeIfAbsent(t, x -> new ArrayList<>()).add(StatusKey.of(op.substring(7)));
                }
            }
        }
        List<Note> notes = lm().leads().notes(manager(), lead.id());
        assertEquals(notesAcknowledged, Set.copyOf(notes.stream().map(Note::text).toList()));
        assertEquals(notesAcknowledged.size(), notes.size());
        List<StatusChange> history = lm().leads().statusHistory(manager(), lead.id());
        assertEquals(THREADS * opsPerThread / 2, history.size(), "every acknowledged status change is recorded");
        StatusKey expectedFrom = StatusKey.of("new");
        for (StatusChange change : history) {
            assertEquals(expectedFrom, change.from(), "changes chain: " + history);
            expectedFrom = change.to();
        }
        Lead after = fx.reload(lead.id());
        assertEquals(expectedFrom, after.status(), "the last recorded change is the current status");
        for (int t = 0; t < THREADS; t++) {
            String suffix = "-" + t;
            List<StatusKey> mine = history.stream().map(StatusChange::to).filter(k -> k.value().endsWith(suffix))
                    .toList();
            assertEquals(statusesByThread.get(t), mine, "thread " + t + "'s changes in its order");
        }
        long noteEntries = lm().leads().timeline(manager(), lead.id()).stream()
                .filter(a -> a.type() == ActivityType.NOTE_ADDED).count();
        assertEquals(notesAcknowledged.size(), noteEntries);
    }

    /**
     * Threads change one lead at once (status changes, notes, follow-ups) through a lead manager whose clock goes
     * back a little on every reading: a call that starts later gets an earlier time, so the times of a lead's
     * changes run against the order they committed. The timeline must list them in commit order, which shows in
     * what only commit order gives: each status change starts where the one before it ended, and each thread's
     * changes, made one after the other, appear in the order it made them.
     */
    @Test
    void parallelChangesOfOneLeadAreListedInTheOrderTheyCommitted() {
        Project project = racingProject();
        Lead lead = fx.lead(project.id());
        LeadManager node = fx.newLeadManager(b -> b.clock(new SteppingBackClock(fx.clock.instant().plus(
                Duration.ofHours(1)))));
        Instant due = fx.clock.instant().plus(Duration.ofDays(2));
        int opsPerThread = 12;
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                // what this thread's changes write as timeline entries, in the order it made them
                List<String> made = new ArrayList<>();
                for (int k = 0; k < opsPerThread; k++) {
                    String text = thread + "/" + k;
                    switch (k % 3) {
                        case 0 -> {
                            StatusKey target = racingStatus(thread, k / 3);
                            retrying(() -> node.leads().changeStatus(manager(), lead.id(), target));
                            made.add(ActivityType.STATUS_CHANGED + " " + target);
                        }
                        case 1 -> made.add(ActivityType.NOTE_ADDED + " " + retrying(() -> node.leads()
                                .addNote(manager(), lead.id(), "note " + text)).id());
                        default -> made.add(ActivityType.FOLLOW_UP_SCHEDULED + " " + retrying(() -> node.followUps()
                                .schedule(manager(), lead.id(), due, "call " + text)).note());
                    }
                }
                return made;
            });
        }

        List<List<String>> made = race(tasks);

        List<Activity> timeline = lm().leads().timeline(manager(), lead.id());
        assertEquals(1 + THREADS * opsPerThread, timeline.size(), "every change is listed once: " + timeline);
        assertEquals(ActivityType.QUALIFIED, timeline.get(0).type());
        WorkingLeadsContract.assertNumberedInOrder(timeline);
        List<String> listed = timeline.stream().skip(1).map(ConcurrencyContract::describe).toList();
        for (int t = 0; t < THREADS; t++) {
            List<String> mine = made.get(t);
            assertEquals(mine, listed.stream().filter(mine::contains).toList(),
                    "thread " + t + "'s changes in the order it made them");
        }
        List<StatusChange> history = lm().leads().statusHistory(manager(), lead.id());
        StatusKey expectedFrom = StatusKey.of("new");
        for (StatusChange change : history) {
            assertEquals(expectedFrom, change.from(), "each change starts where the one before ended: " + history);
            expectedFrom = change.to();
        }
        assertEquals(expectedFrom, fx.reload(lead.id()).status(), "the last listed change is the current status");
        fx.relayEvents();
        List<String> published = fx.events.events(fx.tenant).stream().filter(e -> lead.id().equals(e.lead()))
                .map(ConcurrencyContract::describe).filter(d -> d != null).toList();
        assertEquals(timeline.stream().map(ConcurrencyContract::describeForEvents).toList(), published,
                "the lead's events go out in the order its changes committed");
    }

    /** The lead's events this test makes, as {@link #describeForEvents} names the timeline entries; else null. */
    private static String describe(DomainEvent event) {
        if (event instanceof DomainEvent.LeadQualified) {
            return ActivityType.QUALIFIED.name();
        }
        if (event instanceof DomainEvent.LeadStatusChanged changed) {
            return ActivityType.STATUS_CHANGED + " " + changed.to();
        }
        if (event instanceof DomainEvent.NoteAdded added) {
            return ActivityType.NOTE_ADDED + " " + added.note();
        }
        return event instanceof DomainEvent.FollowUpScheduled ? ActivityType.FOLLOW_UP_SCHEDULED.name() : null;
    }

    private static String describeForEvents(Activity entry) {
        return switch (entry.type()) {
            case QUALIFIED, FOLLOW_UP_SCHEDULED -> entry.type().name();
            default -> entry.type() + " " + entry.to();
        };
    }

    /** A timeline entry as {@link #parallelChangesOfOneLeadAreListedInTheOrderTheyCommitted} records its changes. */
    private static String describe(Activity entry) {
        return switch (entry.type()) {
            case FOLLOW_UP_SCHEDULED -> entry.type() + " " + entry.text();
            default -> entry.type() + " " + entry.to();
        };
    }

    /** A clock that reads one microsecond earlier each time it is read. */
    private static final class SteppingBackClock extends Clock {
        private final AtomicLong micros;

        SteppingBackClock(Instant start) {
            this.micros = new AtomicLong(ChronoUnit.MICROS.between(Instant.EPOCH, start));
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plus(micros.getAndDecrement(), ChronoUnit.MICROS);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock in UTC");
        }
    }

    /**
     * Notes and follow-ups are not decisions about the lead: written while others change the lead's status and
     * owner, or write notes of their own, each succeeds at the first attempt (no retry), and nothing is lost.
     */
    @Test
    void notesAndFollowUpsNeverGoStaleWhileTheLeadChanges() {
        Project project = racingProject();
        Lead lead = fx.lead(project.id());
        Instant due = fx.clock.instant().plus(Duration.ofDays(2));
        int opsPerThread = 10;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                int written = 0;
                for (int step = 0; step < opsPerThread; step++) {
                    int k = step;
                    if (thread % 2 == 0) {
                        StatusKey target = racingStatus(thread, k);
                        retrying(() -> lm().leads().changeStatus(manager(), lead.id(), target));
                        retrying(() -> k % 2 == 0 ? lm().leads().assign(manager(), lead.id(), fx.alice)
                                : lm().leads().unassign(manager(), lead.id()));
                    } else if (k % 2 == 0) {
                        lm().leads().addNote(manager(), lead.id(), "note " + thread + "/" + k);
                        written++;
                    } else {
                        lm().followUps().schedule(manager(), lead.id(), due.plusSeconds(thread * 100L + k), "call",
                                fx.alice);
                        written++;
                    }
                }
                return written;
            });
        }

        int written = race(tasks).stream().mapToInt(Integer::intValue).sum();

        int notes = lm().leads().notes(manager(), lead.id()).size();
        int followUps = lm().followUps().forLead(manager(), lead.id()).size();
        assertEquals(written, notes + followUps, "every note and follow-up written at the first attempt is kept");
        assertEquals(THREADS / 2 * opsPerThread, lm().leads().statusHistory(manager(), lead.id()).size());
        assertEquals(due.plusSeconds(101), fx.reload(lead.id()).nextFollowUpAt(), "earliest open follow-up");
    }

    @Test
    void parallelFollowUpChangesKeepTheLeadsNextDueTime() {
        Project project = fx.project("Solar roofs");
        Lead lead = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);
        Instant base = fx.clock.instant().plus(Duration.ofDays(1));
        List<Callable<List<FollowUpId>>> scheduling = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            scheduling.add(() -> {
                List<FollowUpId> mine = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    Instant due = base.plus(Duration.ofMinutes(37L * ((thread * 5 + k) * 7 % 40)));
                    mine.add(retrying(() -> lm().followUps().schedule(manager(), lead.id(), due, "call")).id());
                }
                return mine;
            });
        }

        List<List<FollowUpId>> scheduled = race(scheduling);

        List<FollowUp> all = lm().followUps().forLead(manager(), lead.id());
        assertEquals(THREADS * 5, all.size());
        Instant earliest = all.stream().map(FollowUp::dueAt).min(Instant::compareTo).orElseThrow();
        assertEquals(base, earliest);
        assertEquals(earliest, fx.reload(lead.id()).nextFollowUpAt(), "no lost update of the next due time");

        List<Callable<Integer>> completing = new ArrayList<>();
        for (List<FollowUpId> mine : scheduled) {
            completing.add(() -> {
                for (FollowUpId id : mine) {
                    retrying(() -> lm().followUps().complete(manager(), id));
                }
                return mine.size();
            });
        }
        race(completing);

        assertNull(fx.reload(lead.id()).nextFollowUpAt(), "all completed: no next due time");
        assertTrue(lm().followUps().overview(manager(), fx.alice).upcoming().isEmpty());
    }

    @Test
    void severalDispatchersFireEachDueReminderOnce() {
        Project project = fx.project("Solar roofs");
        Lead lead = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);
        Set<FollowUpId> due = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            due.add(lm().followUps().schedule(manager(), lead.id(),
                    fx.clock.instant().plus(Duration.ofMinutes(1 + i % 3)), "call " + i).id());
        }
        fx.clock.advance(Duration.ofMinutes(3));
        RecordingNotifier notifier = new RecordingNotifier();
        List<ReminderDispatcher> dispatchers = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            LeadManager node = fx.newLeadManager(b -> { });
            dispatchers.add(node.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                    .withNodeId("tck-node-" + n).withBatchSize(3)));
        }
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            ReminderDispatcher dispatcher = dispatchers.get(t % dispatchers.size());
            tasks.add(() -> dispatcher.dispatchDue() + dispatcher.dispatchDue());
        }

        race(tasks);
        dispatchers.forEach(ReminderDispatcher::close);

        List<FollowUpId> fired = notifier.delivered(fx.tenant).stream().map(Reminder::followUp).map(FollowUp::id)
                .toList();
        assertEquals(due, Set.copyOf(fired), "every due reminder fired");
        assertEquals(due.size(), fired.size(), "none fired twice");
        fx.relayEvents();
        assertEquals(due.size(), fx.events.events(fx.tenant, DomainEvent.FollowUpDue.class).size());
        assertNotNull(lm().followUps().forLead(manager(), lead.id()).get(0).remindedAt());
    }

    @Test
    void parallelCreationOfTheSameProjectNameCreatesOne() {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String name = t % 2 == 0 ? "Solar roofs" : "SOLAR ROOFS";
            tasks.add(() -> {
                try {
                    fx.project(name);
                    return "created";
                } catch (ConflictException expected) {
                    return "conflict";
                }
            });
        }

        List<String> outcomes = race(tasks);

        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(1, lm().projects().list(manager()).size());
    }
}
