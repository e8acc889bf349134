package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.LeadQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadmanager.EscalationDispatcher;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.deadline.ResponseActivity;
import org.leadmanager.domain.event.DomainEvent.FirstResponseBreached;
import org.leadmanager.domain.event.DomainEvent.LeadAssigned;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.spi.host.Escalation;
import org.leadmanager.spi.host.EscalationNotifier;

/**
 * First-response deadlines on a business calendar, with a test clock: a lead's clock starts at qualification and
 * reassignment, stops at its owner's first response, and a lead still waiting at its deadline (measured over
 * weekends and holidays) is escalated exactly at it, once, also with several dispatchers racing and after a failed
 * attempt.
 */
public abstract class FirstResponseContract extends ContractBase {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday to Friday, 9 to 17 in Berlin; Monday 9 March 2026 a holiday. */
    private static final BusinessCalendar CALENDAR = BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0),
            LocalTime.of(17, 0)).withHolidays(LocalDate.of(2026, 3, 9));
    /** Friday 6 March 2026, 15:00 in Berlin. */
    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-03-06T14:00:00Z");
    /** Four working hours after it: two on Friday, none on the weekend and the holiday, two on Tuesday. */
    private static final Instant TUESDAY_DEADLINE = Instant.parse("2026-03-10T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final List<EscalationDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void closeDispatchers() {
        dispatchers.forEach(EscalationDispatcher::close);
    }

    /**
     * Escalations a notifier was handed, in any thread; fails while {@link #failing} is set. Dispatchers work every
     * tenant of a shared store, so tests look at their own tenant's ({@link #of}).
     */
    protected static final class RecordingEscalations implements EscalationNotifier {
        private final List<Escalation> delivered = Collections.synchronizedList(new ArrayList<>());
        private final List<Escalation> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void notify(Escalation escalation) {
            calls.add(escalation);
            if (failing.get()) {
                throw new IllegalStateException("the mail server is down");
            }
            delivered.add(escalation);
        }

        /** Every call of this tenant, the failed ones too. */
        List<Escalation> calls(TenantId tenant) {
            synchronized (calls) {
                return calls.stream().filter(e -> e.lead().tenant().equals(tenant)).toList();
            }
        }

        List<Escalation> of(TenantId tenant) {
            synchronized (delivered) {
                return delivered.stream().filter(e -> e.lead().tenant().equals(tenant)).toList();
            }
        }
    }

    /** Runs the dispatcher and returns how many escalations of this tenant the notifier got by now. */
    private int escalate(EscalationDispatcher dispatcher, RecordingEscalations notifier) {
        dispatcher.escalateDue();
        return notifier.of(fx.tenant).size();
    }

    private EscalationDispatcher dispatcher(LeadManager on, RecordingEscalations notifier, String node) {
        EscalationDispatcher d = on.escalationDispatcher(EscalationDispatcher.Options.defaults(notifier)
                .withNodeId(node).withLease(LEASE).withBatchSize(7));
        dispatchers.add(d);
        return d;
    }

    /** A notifier that fails until told otherwise. */
    private static RecordingEscalations failing() {
        RecordingEscalations down = new RecordingEscalations();
        down.failing.set(true);
        return down;
    }

    /** A dispatcher making {@code attempts} attempts per breach, the first backoff a minute. */
    private EscalationDispatcher retrying(RecordingEscalations notifier, int attempts) {
        EscalationDispatcher d = lm().escalationDispatcher(EscalationDispatcher.Options.defaults(notifier)
                .withNodeId("sla-1").withLease(LEASE).withRetries(attempts, Duration.ofMinutes(1)));
        dispatchers.add(d);
        return d;
    }

    private FirstResponsePolicy fourHours() {
        return FirstResponsePolicy.of(Duration.ofHours(4), CALENDAR, fx.carol);
    }

    /** A project whose leads go to alice (its fallback owner) and whose first response is due in four hours. */
    private Project project(FirstResponsePolicy policy) {
        Project project = fx.project("Deadlines " + java.util.UUID.randomUUID(),
                new AssignmentPolicy(List.of(), org.leadmanager.domain.project.AssignmentStrategy.NONE, fx.alice),
                fx.alice, fx.bob);
        return lm().projects().setFirstResponse(manager(), project.id(), policy);
    }

    private List<FirstResponseBreached> breaches() {
        fx.relayEvents();
        return fx.events.events(fx.tenant, FirstResponseBreached.class);
    }

    @Test
    void theProjectKeepsItsPolicyAndOnlyAManagerSetsIt() {
        FirstResponsePolicy policy = fourHours().stoppedBy(ResponseActivity.NOTE).withUnownedFallback(fx.mia)
                .reassigningOnBreach(true);
        Project project = project(policy);
        assertEquals(policy, project.firstResponse());
        assertEquals(policy, fx.reload(project.id()).firstResponse());
        rejects(AccessDeniedException.class,
                () -> lm().projects().setFirstResponse(fx.agent(fx.alice), project.id(), null));
        rejectsInput("policy.escalateTo", () -> lm().projects().setFirstResponse(manager(), project.id(),
                FirstResponsePolicy.of(Duration.ofHours(4), CALENDAR, fx.ivan)));
        assertNull(lm().projects().setFirstResponse(manager(), project.id(), null).firstResponse());
        assertNull(fx.reload(project.id()).firstResponse());
        assertNull(fx.lead(project.id()).responseDueAt(), "no policy, no clock");
    }

    @Test
    void aLeadBreachesExactlyAtItsDeadlineAcrossAWeekendAndAHolidayAndEscalatesOnce() {
        fx.clock.set(FRIDAY_AFTERNOON);
        Project project = project(fourHours());
        Lead lead = fx.lead(project.id());
        assertEquals(fx.alice, lead.assignee());
        assertEquals(TUESDAY_DEADLINE, lead.responseDueAt());
        assertEquals(TUESDAY_DEADLINE, fx.reload(lead.id()).responseDueAt());
        RecordingEscalations notifier = new RecordingEscalations();
        EscalationDispatcher dispatcher = dispatcher(lm(), notifier, "sla-1");

        fx.clock.set(TUESDAY_DEADLINE.minusNanos(1000));
        assertEquals(0, escalate(dispatcher, notifier), "a microsecond early");
        fx.clock.set(TUESDAY_DEADLINE);
        assertEquals(1, escalate(dispatcher, notifier), "at the deadline");
        assertEquals(1, escalate(dispatcher, notifier), "once");
        fx.clock.advance(Duration.ofDays(3));
        assertEquals(1, escalate(dispatcher, notifier), "once, also after any lease");

        Escalation sent = notifier.of(fx.tenant).get(0);
        assertEquals(fx.carol, sent.escalateTo());
        assertEquals(TUESDAY_DEADLINE, sent.deadline());
        assertEquals(lead.id(), sent.lead().id());
        assertEquals(List.of(new FirstResponseBreached(lead.id(), project.id(), fx.alice, fx.carol,
                TUESDAY_DEADLINE)), breaches());
        assertNull(fx.reload(lead.id()).responseDueAt(), "the clock ended");
        assertEquals(fx.alice, fx.reload(lead.id()).assignee(), "no reassignment asked for");
        List<Activity> timeline = lm().leads().timeline(manager(), lead.id());
        Activity last = timeline.get(timeline.size() - 1);
        assertEquals(ActivityType.FIRST_RESPONSE_BREACHED, last.type());
        assertEquals(fx.carol.value(), last.to());
    }

    @Test
    void theOwnersFirstResponseStopsTheClockAndOthersDoNot() {
        Project project = project(fourHours());
        Lead noted = fx.lead(project.id());
        Lead moved = fx.lead(project.id());
        Lead followedUp = fx.lead(project.id());
        Lead closed = fx.lead(project.id());
        Lead waiting = fx.lead(project.id());

        lm().leads().addNote(manager(), waiting.id(), "the manager's note is no response");
        lm().leads().changeStatus(manager(), waiting.id(), TckFixture.CONTACTED);
        lm().leads().addNote(fx.agent(fx.alice), noted.id(), "called, left a message");
        lm().leads().changeStatus(fx.agent(fx.alice), moved.id(), TckFixture.CONTACTED);
        var followUp = lm().followUps().schedule(fx.agent(fx.alice), followedUp.id(), fx.clock.instant()
                .plus(Duration.ofHours(1)), "call back");
        assertNotNull(fx.reload(followedUp.id()).responseDueAt(), "scheduling is no response");
        lm().followUps().complete(fx.agent(fx.alice), followUp.id());
        lm().leads().disqualify(manager(), closed.id(), "no budget");

        for (Lead responded : List.of(noted, moved, followedUp, closed)) {
            assertNull(fx.reload(responded.id()).responseDueAt(), responded.toString());
        }
        assertEquals(waiting.responseDueAt(), fx.reload(waiting.id()).responseDueAt());
        fx.clock.advance(Duration.ofDays(30));
        RecordingEscalations notifier = new RecordingEscalations();
        assertEquals(1, escalate(dispatcher(lm(), notifier, "sla-1"), notifier));
        assertEquals(List.of(waiting.id()), breaches().stream().map(FirstResponseBreached::lead).toList());
    }

    @Test
    void onlyTheActivitiesThePolicyNamesStopTheClock() {
        Project project = project(fourHours().stoppedBy(ResponseActivity.NOTE));
        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(fx.agent(fx.alice), lead.id(), TckFixture.CONTACTED);
        assertEquals(lead.responseDueAt(), fx.reload(lead.id()).responseDueAt());
        lm().leads().addNote(fx.agent(fx.alice), lead.id(), "emailed");
        assertNull(fx.reload(lead.id()).responseDueAt());
    }

    @Test
    void aNewOwnerGetsAFreshClockAndAnUnownedLeadsBreachGoesToTheFallback() {
        Project project = project(fourHours().withUnownedFallback(fx.mia));
        Lead lead = fx.lead(project.id());
        lm().leads().addNote(fx.agent(fx.alice), lead.id(), "on it");
        assertNull(fx.reload(lead.id()).responseDueAt());
        fx.clock.advance(Duration.ofDays(1));
        Lead reassigned = lm().leads().assign(manager(), lead.id(), fx.bob);
        Instant fresh = fourHours().deadline(fx.clock.instant());
        assertEquals(fresh, fx.reload(reassigned.id()).responseDueAt());
        lm().leads().unassign(manager(), lead.id());
        Instant unowned = fx.reload(lead.id()).responseDueAt();
        assertNotNull(unowned);

        fx.clock.set(unowned);
        RecordingEscalations notifier = new RecordingEscalations();
        assertEquals(1, escalate(dispatcher(lm(), notifier, "sla-1"), notifier));
        assertEquals(fx.mia, notifier.of(fx.tenant).get(0).escalateTo());
        assertEquals(List.of(new FirstResponseBreached(lead.id(), project.id(), null, fx.mia, unowned)), breaches());
    }

    @Test
    void aBreachedLeadGoesToTheNextMemberWhoseClockStarts() {
        Project project = fx.project("Round " + java.util.UUID.randomUUID(), AssignmentPolicy.roundRobin(),
                fx.alice, fx.bob);
        lm().projects().setFirstResponse(manager(), project.id(), fourHours().reassigningOnBreach(true));
        Lead lead = fx.lead(project.id());
        UserId first = lead.assignee();
        assertNotNull(first);
        fx.clock.set(lead.responseDueAt());
        RecordingEscalations notifier = new RecordingEscalations();

        assertEquals(1, escalate(dispatcher(lm(), notifier, "sla-1"), notifier));

        Lead after = fx.reload(lead.id());
        UserId next = first.equals(fx.alice) ? fx.bob : fx.alice;
        assertEquals(next, after.assignee());
        assertEquals(fourHours().deadline(fx.clock.instant()), after.responseDueAt());
        fx.relayEvents();
        List<LeadAssigned> assigned = fx.events.events(fx.tenant, LeadAssigned.class).stream()
                .filter(a -> a.lead().equals(lead.id()) && next.equals(a.to())).toList();
        assertEquals(1, assigned.size());
        assertEquals(1, breaches().size());
    }

    @Test
    void aFailedAttemptIsRepeatedAfterTheLeaseWithTheSameKeyAndEscalatesOnce() {
        Project project = project(fourHours());
        Lead lead = fx.lead(project.id());
        fx.clock.set(lead.responseDueAt());
        RecordingEscalations down = new RecordingEscalations();
        down.failing.set(true);
        RecordingEscalations other = new RecordingEscalations();
        EscalationDispatcher first = dispatcher(lm(), down, "sla-1");
        EscalationDispatcher second = dispatcher(fx.newLeadManager(b -> { }), other, "sla-2");

        assertEquals(0, escalate(first, down));
        assertEquals(0, escalate(second, other), "the retry waits for its backoff");
        assertEquals(List.of(), breaches());
        fx.clock.advance(LEASE);
        assertEquals(1, escalate(second, other));
        down.failing.set(false);
        assertEquals(0, escalate(first, down));

        assertEquals("first-response:" + lead.id() + ":" + lead.responseDueAt(),
                other.of(fx.tenant).get(0).idempotencyKey());
        assertEquals(1, breaches().size());
    }

    @Test
    void aNotifierThatKeepsFailingIsTriedWithBackoffThenListedAsFailedUntilTheClockEnds() {
        Project project = project(fourHours());
        Lead lead = fx.lead(project.id());
        Lead other = fx.lead(project.id());
        lm().leads().addNote(fx.agent(fx.alice), other.id(), "on it");
        fx.clock.set(lead.responseDueAt());
        RecordingEscalations down = failing();
        EscalationDispatcher dispatcher = retrying(down, 3);

        assertEquals(0, escalate(dispatcher, down));
        assertEquals(1, down.calls(fx.tenant).size());
        assertEquals(List.of(), lm().projects().failedEscalations(manager()), "two attempts left");
        fx.clock.advance(Duration.ofSeconds(59));
        escalate(dispatcher, down);
        assertEquals(1, down.calls(fx.tenant).size(), "the first backoff is a minute");
        fx.clock.advance(Duration.ofSeconds(1));
        escalate(dispatcher, down);
        assertEquals(2, down.calls(fx.tenant).size());
        fx.clock.advance(Duration.ofMinutes(1));
        escalate(dispatcher, down);
        assertEquals(2, down.calls(fx.tenant).size(), "the second backoff is doubled");
        fx.clock.advance(Duration.ofMinutes(1));
        escalate(dispatcher, down);
        fx.clock.advance(Duration.ofDays(3));
        escalate(dispatcher, down);
        assertEquals(List.of(1, 2, 3), down.calls(fx.tenant).stream().map(Escalation::attempt).toList(),
                "three attempts, no more");
        assertEquals(1, down.calls(fx.tenant).stream().map(Escalation::idempotencyKey).distinct().count());

        var failed = lm().projects().failedEscalations(manager());
        assertEquals(List.of(lead.id()), failed.stream().map(f -> f.lead().id()).toList());
        assertEquals(3, failed.get(0).attempts());
        assertEquals("java.lang.IllegalStateException: the mail server is down", failed.get(0).lastError());
        assertEquals(lead.responseDueAt(), failed.get(0).lead().responseDueAt(), "still breached");
        assertEquals(lead.responseDueAt(), fx.reload(lead.id()).responseDueAt());
        assertEquals(List.of(), breaches(), "nothing was escalated");
        assertEquals(List.of(), lm().projects().failedEscalations(fx.otherTenant().manager));
        rejects(AccessDeniedException.class, () -> lm().projects().failedEscalations(fx.agent(fx.alice)));

        // another owner: a fresh clock with fresh attempts, escalated once the notifier works again
        lm().leads().assign(manager(), lead.id(), fx.bob);
        assertEquals(List.of(), lm().projects().failedEscalations(manager()));
        down.failing.set(false);
        fx.clock.set(fx.reload(lead.id()).responseDueAt());
        assertEquals(1, escalate(dispatcher, down));
        assertEquals(1, down.of(fx.tenant).get(0).attempt());
        assertEquals(List.of(lead.id()), breaches().stream().map(FirstResponseBreached::lead).toList());
    }

    @Test
    void aFailedEscalationLeavesTheListWhenTheOwnerResponds() {
        Project project = project(fourHours());
        Lead lead = fx.lead(project.id());
        fx.clock.set(lead.responseDueAt());
        RecordingEscalations down = failing();
        EscalationDispatcher dispatcher = retrying(down, 1);
        escalate(dispatcher, down);
        assertEquals(1, lm().projects().failedEscalations(manager()).size());

        lm().leads().addNote(fx.agent(fx.alice), lead.id(), "late, but called");

        assertEquals(List.of(), lm().projects().failedEscalations(manager()));
        assertNull(fx.reload(lead.id()).responseDueAt());
        fx.clock.advance(Duration.ofDays(1));
        escalate(dispatcher, down);
        assertEquals(1, down.calls(fx.tenant).size());
    }

    @Test
    void searchListsLeadsByDeadlineBreachedFirst() {
        Project project = project(fourHours());
        Instant start = fx.clock.instant();
        Lead early = fx.lead(project.id());
        fx.clock.advance(Duration.ofMinutes(30));
        Lead late = fx.lead(project.id());
        Lead responded = fx.lead(project.id());
        lm().leads().addNote(fx.agent(fx.alice), responded.id(), "done");
        Project other = project(fourHours());
        fx.lead(other.id());

        assertEquals(List.of(early.id(), late.id()), ids(lm().search().byResponseDeadline(manager(), project.id(),
                fourHours().deadline(start).plus(Duration.ofHours(2)), 50)));
        assertEquals(List.of(early.id()), ids(lm().search().byResponseDeadline(manager(), project.id(),
                late.responseDueAt(), 50)));
        assertEquals(List.of(early.id()), ids(lm().search().byResponseDeadline(manager(), project.id(),
                Instant.parse("2100-01-01T00:00:00Z"), 1)));
        rejectsInput("limit", () -> lm().search().byResponseDeadline(manager(), project.id(), start, 0));
    }

    @Test
    void theLeadListFindsBreachedAndSoonDueLeadsAndASavedSearchKeepsTheCriterion() {
        Project project = project(fourHours());
        Lead early = fx.lead(project.id());
        fx.clock.advance(Duration.ofMinutes(30));
        Lead late = fx.lead(project.id());
        Lead responded = fx.lead(project.id());
        lm().leads().addNote(fx.agent(fx.alice), responded.id(), "done");
        Lead stored = fx.reload(early.id());
        assertTrue(stored.responseDueAt() != null && fx.reload(responded.id()).responseDueAt() == null);

        LeadCriteria breached = LeadCriteria.all().withResponseDueBefore(fx.clock.instant());
        assertEquals(Set.of(), found(project, breached), "nothing is breached yet");
        fx.clock.set(stored.responseDueAt().plusSeconds(1));
        LeadCriteria now = LeadCriteria.all().withResponseDueBefore(fx.clock.instant());
        assertEquals(Set.of(early.id()), found(project, now), "the early lead is breached, the later not yet");
        assertEquals(Set.of(early.id(), late.id()), found(project, LeadCriteria.all()
                .withResponseDueBefore(fx.clock.instant().plus(Duration.ofHours(1)))), "due within the hour");
        assertEquals(1, lm().search().countByStatus(manager(), project.id(), now).total(),
                "counted from the leads like any criterion beyond statuses and owners");
        assertEquals(Set.of(), found(project, now.withAssignees(fx.bob)), "combined with the other criteria");

        SavedSearch saved = lm().search().save(manager(), "Breached " + java.util.UUID.randomUUID(), project.id(),
                now, LeadSort.byLastActivity());
        assertEquals(now, lm().search().savedSearches(manager()).stream().filter(x -> x.id().equals(saved.id()))
                .findFirst().orElseThrow().criteria(), "a saved search keeps the deadline criterion");
        rejectsInput("query.criteria.responseDueBefore", () -> lm().search().find(manager(), new LeadQuery(
                project.id(), LeadCriteria.all().withResponseDueBefore(Instant.parse("+10000-01-01T00:00:00Z")),
                LeadSort.byLastActivity(), 10, null)));
    }

    private Set<LeadId> found(Project project, LeadCriteria criteria) {
        return lm().search().find(manager(), new LeadQuery(project.id(), criteria, LeadSort.byLastActivity(), 50,
                null)).leads().stream().map(Lead::id).collect(java.util.stream.Collectors.toSet());
    }

    private static List<LeadId> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    /** How many breaches the racing dispatchers share; the PostgreSQL suite of the JPA store runs 10,000. */
    protected int breachesAtOnce() {
        return 200;
    }

    @Test
    void fourDispatchersRacingEscalateEachBreachOnce() throws Exception {
        Project project = project(fourHours());
        int count = breachesAtOnce();
        assertEquals(count, lm().qualification().qualifyAll(manager(), project.id(),
                fx.contacts(count, "Racer")).added());
        fx.clock.advance(Duration.ofDays(10));
        RecordingEscalations notifier = new RecordingEscalations();
        List<EscalationDispatcher> racing = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            racing.add(dispatcher(node == 0 ? lm() : fx.newLeadManager(b -> { }), notifier, "race-" + node));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racing.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (EscalationDispatcher d : racing) {
                Callable<Integer> work = () -> {
                    go.await();
                    return d.escalateDue();
                };
                done.add(pool.submit(work));
            }
            go.countDown();
            for (Future<Integer> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(count, notifier.of(fx.tenant).size(), "one notification per breach while no lease ran out");
        Set<LeadId> leads = new HashSet<>();
        for (FirstResponseBreached b : breaches()) {
            assertTrue(leads.add(b.lead()), "escalated twice: " + b.lead());
        }
        assertEquals(count, leads.size());
        assertEquals(List.of(), lm().search().byResponseDeadline(manager(), project.id(),
                fx.clock.instant().plusSeconds(1), 10));
    }
}
