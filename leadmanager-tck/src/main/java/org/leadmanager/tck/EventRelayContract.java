package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.OFFER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.DomainEvent.LeadQualified;
import org.leadmanager.domain.event.DomainEvent.LeadStatusChanged;
import org.leadmanager.domain.event.DomainEvent.NoteAdded;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.error.ValidationException;

/**
 * The event relay over the store's publication registry: nothing committed is lost when a process or a relay dies,
 * a claim outlives its relay only by its lease, an event the publisher keeps refusing is set aside without holding
 * up the others and can be retried, the events of one lead go out in commit order, and relays sharing a store
 * publish each event once.
 *
 * <p>The store may be shared with other tests, whose events a relay publishes too: every assertion reads the
 * events of the fixture's tenant only, and counts of the whole registry are compared before and after.
 */
public abstract class EventRelayContract extends ContractBase {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration BACKOFF = Duration.ofSeconds(10);
    private static final long PATIENCE_SECONDS = 30;

    /** A relay of a lead manager of its own on the fixture's store, publishing to {@code publisher}. */
    private EventRelay relay(String node, RecordingPublisher publisher, int batchSize, int maxAttempts) {
        LeadManager lm = fx.newLeadManager(b -> b.events(publisher));
        return lm.eventRelay(EventRelay.Options.defaults().withNodeId(node).withBatchSize(batchSize)
                .withLease(LEASE).withRetries(maxAttempts, BACKOFF));
    }

    /**
     * Within a round, a batch's marks share their unit of work with the next claim. When that unit of work fails (here
     * at the claim), the marks are made again alone: the round goes on, and no event is published twice, not even
     * once the first claim's lease has ended.
     */
    @Test
    void marksThatFailWithTheNextClaimAreMadeAloneAndNothingGoesOutTwice() {
        fx.relayEvents();
        Project project = fx.project("Marks");
        LeadManager writer = fx.newLeadManager(b -> { });
        List<Lead> leads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leads.add(writer.qualification().qualify(manager(), project.id(), fx.contact("Marks " + i)).lead());
        }
        CrashingStore crashing = new CrashingStore(fx.store);
        RecordingPublisher publisher = new RecordingPublisher();
        LeadManager lm = fx.newLeadManager(b -> b.store(crashing).events(publisher));
        EventRelay relay = lm.eventRelay(EventRelay.Options.defaults().withNodeId("tck-marks").withBatchSize(2)
                .withLease(LEASE).withRetries(10, BACKOFF));
        // the first claim passes; the second is the one made together with the first batch's marks
        crashing.crashAfter(CrashingStore.Point.CLAIM, 1);

        relay.relayDue();
        assertFalse(crashing.armed(), "the crash struck");
        fx.clock.advance(LEASE.plusSeconds(1));
        relay.relayDue();

        List<java.util.UUID> ids = publisher.envelopes(fx.tenant).stream().map(e -> e.id()).toList();
        assertEquals(ids.stream().distinct().toList(), ids, "no event went out twice");
        List<DomainEvent> published = publisher.events(fx.tenant);
        for (Lead lead : leads) {
            assertTrue(published.stream().anyMatch(e -> e instanceof LeadQualified q && q.lead().equals(lead.id())),
                    "qualification of " + lead.id() + " published");
        }
    }

    @Test
    void eventsCommittedBeforeACrashArePublishedByALeadManagerStartedLater() {
        fx.relayEvents();
        LeadManager crashed = fx.newLeadManager(b -> { });
        Project project = crashed.projects().create(manager(), new org.leadmanager.Projects.Create("Solar",
                org.leadmanager.domain.project.ProjectKind.PROJECT, TckFixture.standardStatuses(), TckFixture.NEW));
        Lead lead = crashed.qualification().qualify(manager(), project.id(), fx.contact("Erika")).lead();
        crashed.leads().changeStatus(manager(), lead.id(), CONTACTED);
        // the process dies here: nothing was published

        RecordingPublisher later = new RecordingPublisher();
        relay("tck-restarted", later, 100, 10).relayDue();

        assertEquals(List.of(), fx.events.events(fx.tenant));
        assertEquals(List.of(new DomainEvent.ProjectChanged(project.id(), "created"),
                new LeadQualified(lead.id(), project.id(), lead.contact(), lead.origin(), null),
                new LeadStatusChanged(lead.id(), project.id(), TckFixture.NEW, CONTACTED)),
                later.events(fx.tenant), "every committed event, in commit order");
    }

    @Test
    void aRelayThatDiesBeforeMarkingLeavesItsEventsToAnotherAfterTheLease() {
        Project project = fx.project("Solar");
        fx.relayEvents();
        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        lm().leads().addNote(manager(), lead.id(), "called");
        RecordingPublisher dying = new RecordingPublisher();
        dying.crashWhen(e -> e.event() instanceof NoteAdded);
        RecordingPublisher survivor = new RecordingPublisher();
        EventRelay other = relay("tck-survivor", survivor, 100, 10);

        assertThrows(RecordingPublisher.Crash.class, relay("tck-dying", dying, 100, 10)::relayDue);
        List<EventEnvelope> beforeTheCrash = dying.envelopes(fx.tenant);
        assertEquals(2, beforeTheCrash.size(), "published, never marked");

        other.relayDue();
        assertEquals(List.of(), survivor.events(fx.tenant), "the dead relay's claims hold");
        fx.clock.advance(LEASE.minusSeconds(1));
        other.relayDue();
        assertEquals(List.of(), survivor.events(fx.tenant), "until the lease ends");
        fx.clock.advance(Duration.ofSeconds(1));
        assertTrue(other.relayDue() >= 3, "the taken-over events count as published");

        List<EventEnvelope> takenOver = survivor.envelopes(fx.tenant);
        assertEquals(3, takenOver.size(), takenOver.toString());
        assertEquals(beforeTheCrash, takenOver.subList(0, 2), "published again, with the same ids");
        assertTrue(takenOver.get(2).event() instanceof NoteAdded);
        fx.clock.advance(LEASE);
        other.relayDue();
        assertEquals(takenOver, survivor.envelopes(fx.tenant), "marked published this time: not published again");
    }

    @Test
    void aPoisonedEventIsSetAsideWhileTheOthersArePublishedAndCanBeRetried() {
        Project project = fx.project("Solar");
        Lead poisoned = fx.lead(project.id());
        Lead healthy = fx.lead(project.id());
        fx.relayEvents();
        EventRelay relay = refusingStatusChangesOf(poisoned, EventRelay.Options.defaults().withNodeId("tck-poison")
                .withRetries(3, BACKOFF));
        lm().leads().changeStatus(manager(), poisoned.id(), CONTACTED);
        lm().leads().changeStatus(manager(), healthy.id(), CONTACTED);
        lm().leads().addNote(manager(), poisoned.id(), "after the poisoned change");
        lm().leads().addNote(manager(), healthy.id(), "after the healthy change");

        relay.relayDue();
        assertEquals(List.of(LeadStatusChanged.class, NoteAdded.class), types(ofLead(healthy.id())),
                "the other lead's events go out");
        assertEquals(List.of(), ofLead(poisoned.id()), "the poisoned lead's later events wait behind it");
        fx.clock.advance(BACKOFF);
        relay.relayDue();
        assertEquals(List.of(), ofLead(poisoned.id()), "still retrying");
        fx.clock.advance(BACKOFF.multipliedBy(2));
        relay.relayDue();

        assertEquals(3, fx.events.refused(fx.tenant).size(), "three attempts");
        assertEquals(List.of(NoteAdded.class), types(ofLead(poisoned.id())),
                "once it is set aside, the later events of its lead go out");
        List<SetAsideEvent> setAside = setAside(relay);
        assertEquals(1, setAside.size(), setAside.toString());
        SetAsideEvent entry = setAside.get(0);
        EventEnvelope refused = fx.events.refused(fx.tenant).get(0);
        assertEquals(refused.id(), entry.id());
        assertEquals(poisoned.id(), entry.lead());
        assertEquals("LeadStatusChanged", entry.type());
        assertEquals(refused.occurredAt(), entry.occurredAt());
        assertEquals(3, entry.attempts());
        assertTrue(entry.lastError().contains("event publisher is down (TCK)"), entry.lastError());
        fx.clock.advance(Duration.ofHours(2));
        relay.relayDue();
        assertEquals(3, fx.events.refused(fx.tenant).size(), "a set-aside event is not tried again by itself");

        fx.events.failWhen(e -> false);
        assertTrue(relay.retry(entry));
        assertFalse(relay.retry(entry), "it is no longer set aside");
        relay.relayDue();
        assertEquals(List.of(NoteAdded.class, LeadStatusChanged.class), types(ofLead(poisoned.id())));
        assertEquals(refused, fx.events.envelopes(fx.tenant).stream().filter(e -> e.id().equals(refused.id()))
                .findFirst().orElseThrow(), "the very event");
        assertEquals(List.of(), setAside(relay));
    }

    @Test
    void aLongRunOfEventsWaitingBehindARetryHoldsUpNoLaterLeadInTheSameRound() {
        Project project = fx.project("Solar");
        Lead stuck = fx.lead(project.id());
        Lead free = fx.lead(project.id());
        fx.relayEvents();
        // a small batch, so the stuck lead's waiting events outnumber many batches
        EventRelay relay = refusingStatusChangesOf(stuck, EventRelay.Options.defaults().withNodeId("tck-long-wait")
                .withBatchSize(2).withRetries(5, BACKOFF));
        lm().leads().changeStatus(manager(), stuck.id(), CONTACTED);
        List<DomainEvent> waiting = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            waiting.add(new NoteAdded(stuck.id(), lm().leads().addNote(manager(), stuck.id(), "waits " + i).id()));
        }
        lm().leads().changeStatus(manager(), free.id(), CONTACTED);
        lm().leads().addNote(manager(), free.id(), "behind the waiting ones");

        relay.relayDue();
        assertEquals(List.of(LeadStatusChanged.class, NoteAdded.class), types(ofLead(free.id())),
                "the later lead's events go out in the round that finds the other lead's waiting");
        assertEquals(List.of(), ofLead(stuck.id()), "the waiting events stay behind their lead's retry");

        fx.events.failWhen(e -> false);
        fx.clock.advance(BACKOFF);
        relay.relayDue();
        List<DomainEvent> expected = new ArrayList<>();
        expected.add(new LeadStatusChanged(stuck.id(), project.id(), TckFixture.NEW, CONTACTED));
        expected.addAll(waiting);
        assertEquals(expected, ofLead(stuck.id()), "after the retry, all of them, in commit order");
    }

    @Test
    void retryAllPutsEveryEventSetAsideBackInLine() {
        Project project = fx.project("Solar");
        Lead a = fx.lead(project.id());
        Lead b = fx.lead(project.id());
        fx.relayEvents();
        EventRelay relay = fx.lm.eventRelay(EventRelay.Options.defaults().withNodeId("tck-retry-all")
                .withRetries(1, BACKOFF));
        fx.events.failWhen(e -> e.event() instanceof LeadStatusChanged);
        lm().leads().changeStatus(manager(), a.id(), CONTACTED);
        lm().leads().changeStatus(manager(), b.id(), OFFER);
        relay.relayDue();
        assertEquals(2, setAside(relay).size(), "set aside after their only attempt");
        long before = relay.backlog().setAside();

        fx.events.failWhen(e -> false);
        assertTrue(relay.retryAll() >= 2);
        assertEquals(0, relay.backlog().setAside());
        assertTrue(before >= 2);
        relay.relayDue();

        assertEquals(Set.of(new LeadStatusChanged(a.id(), project.id(), TckFixture.NEW, CONTACTED),
                new LeadStatusChanged(b.id(), project.id(), TckFixture.NEW, OFFER)),
                Set.copyOf(fx.events.events(fx.tenant, LeadStatusChanged.class)));
        assertEquals(List.of(), setAside(relay));
    }

    @Test
    void anEventThatKeepsKillingItsRelayIsSetAsideWithoutAnotherCall() {
        Project project = fx.project("Solar");
        Lead lead = fx.lead(project.id());
        fx.relayEvents();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        lm().leads().addNote(manager(), lead.id(), "after");
        RecordingPublisher killing = new RecordingPublisher();
        killing.crashWhen(e -> e.event() instanceof LeadStatusChanged);
        EventRelay relay = relay("tck-killed", killing, 100, 2);

        assertThrows(RecordingPublisher.Crash.class, relay::relayDue, "killed in a batch");
        for (int attempt = 1; attempt <= 2; attempt++) {
            fx.clock.advance(LEASE);
            assertThrows(RecordingPublisher.Crash.class, relay::relayDue, "killed at counted attempt " + attempt);
        }
        fx.clock.advance(LEASE);
        relay.relayDue();

        assertEquals(List.of(NoteAdded.class), types(killing.envelopes(fx.tenant).stream()
                .map(EventEnvelope::event).toList()), "set aside unpublished; the later event of its lead goes out");
        List<SetAsideEvent> setAside = setAside(relay);
        assertEquals(1, setAside.size(), setAside.toString());
        assertEquals(2, setAside.get(0).attempts());
        assertTrue(setAside.get(0).lastError().contains("2 attempts ended without a recorded outcome"),
                setAside.get(0).lastError());
    }

    @Test
    void eventsOfOneLeadArePublishedInCommitOrderThroughFailuresAndSmallBatches() {
        Project project = fx.project("Solar");
        fx.relayEvents();
        Map<LeadId, List<DomainEvent>> expected = workOnLeads(project, 5, 4);
        Set<UUID> failedOnce = new HashSet<>();
        int[] seen = new int[1];
        // every third event of the tenant fails at its first attempt
        fx.events.failWhen(e -> e.tenant().equals(fx.tenant) && !failedOnce.contains(e.id())
                && seen[0]++ % 3 == 0 && failedOnce.add(e.id()));
        EventRelay relay = fx.lm.eventRelay(EventRelay.Options.defaults().withNodeId("tck-order")
                .withBatchSize(3).withRetries(5, BACKOFF));

        for (int round = 0; round < 30 && published(expected) < count(expected); round++) {
            relay.relayDue();
            fx.clock.advance(BACKOFF.multipliedBy(2));
        }

        assertFalse(fx.events.refused(fx.tenant).isEmpty(), "some attempts failed");
        assertEquals(expected, byLead(fx.events.envelopes(fx.tenant), expected.keySet()),
                "per lead, in the order the changes committed, each once");
    }

    @Test
    void twoRelaysOnOneStorePublishEachEventOnceAndEachLeadsInOrder() {
        Project project = fx.project("Solar");
        fx.relayEvents();
        Map<LeadId, List<DomainEvent>> expected = workOnLeads(project, 12, 4);
        RecordingPublisher both = new RecordingPublisher();
        EventRelay first = relay("tck-relay-a", both, 7, 10);
        EventRelay second = relay("tck-relay-b", both, 5, 10);

        List<Callable<Integer>> relays = List.of(first::relayDue, second::relayDue);
        ConcurrencyContract.race(relays);
        // a store may let a relay end its round while the other still held rows: one more round each
        first.relayDue();
        second.relayDue();

        List<EventEnvelope> received = both.envelopes(fx.tenant).stream()
                .filter(e -> expected.containsKey(e.event().lead())).toList();
        Map<UUID, Long> perId = received.stream().collect(Collectors.groupingBy(EventEnvelope::id,
                Collectors.counting()));
        assertTrue(perId.values().stream().allMatch(n -> n == 1), "each event once: " + perId);
        assertEquals(count(expected), received.size());
        assertEquals(expected, byLead(received, expected.keySet()), "each lead's events in commit order");
    }

    @Test
    void publishedEventsAreKeptForTheRetentionThenRemoved() {
        Project project = fx.project("Solar");
        Lead lead = fx.lead(project.id());
        fx.relayEvents();
        EventRelay keeping = fx.lm.eventRelay(EventRelay.Options.defaults().withNodeId("tck-keeping")
                .withRetention(Duration.ofHours(1)));
        long kept = keeping.backlog().kept();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        lm().leads().addNote(manager(), lead.id(), "kept for an hour");

        assertEquals(2, keeping.relayDue());
        assertEquals(kept + 2, keeping.backlog().kept(), "kept as published");
        assertEquals(0, keeping.relayDue(), "and not published again");
        fx.clock.advance(Duration.ofMinutes(59));
        keeping.relayDue();
        assertEquals(kept + 2, keeping.backlog().kept(), "within the retention");
        fx.clock.advance(Duration.ofMinutes(2));
        keeping.relayDue();

        assertTrue(keeping.backlog().kept() <= kept, "removed once the retention is over");
        assertEquals(2, fx.events.events(fx.tenant).stream().filter(e -> lead.id().equals(e.lead()))
                .filter(e -> !(e instanceof LeadQualified)).count());
    }

    @Test
    void aStartedRelayPublishesAChangeWithoutBeingDrivenAndStopsForGood() throws InterruptedException {
        Project project = fx.project("Solar");
        fx.relayEvents();
        CountDownLatch arrived = new CountDownLatch(1);
        LeadManager lm = fx.newLeadManager(b -> b.events(e -> {
            fx.events.publish(e);
            if (e.tenant().equals(fx.tenant) && e.event() instanceof LeadQualified) {
                arrived.countDown();
            }
        }));
        EventRelay relay = lm.eventRelay(EventRelay.Options.defaults().withNodeId("tck-started")
                .withPollInterval(Duration.ofHours(1)));
        relay.start();
        try {
            assertThrows(IllegalStateException.class, relay::start);
            lm.qualification().qualify(manager(), project.id(), fx.contact("Erika"));
            assertTrue(arrived.await(PATIENCE_SECONDS, TimeUnit.SECONDS),
                    "the change woke the relay: an hourly poll would not have come yet");
        } finally {
            relay.stop();
        }
        relay.stop();
        assertThrows(IllegalStateException.class, relay::start, "stopped for good");
    }

    @Test
    void thePublisherRunsOutsideTheRelaysTransactionsSoAChangeItMakesCommitsAtOnceAndGoesOutToo() {
        Project project = fx.project("Solar");
        Lead lead = fx.lead(project.id());
        fx.relayEvents();
        List<Boolean> seenElsewhere = new CopyOnWriteArrayList<>();
        LeadManager[] reacting = new LeadManager[1];
        reacting[0] = fx.newLeadManager(b -> b.events(e -> {
            fx.events.publish(e);
            if (e.tenant().equals(fx.tenant) && e.event() instanceof LeadStatusChanged) {
                reacting[0].leads().addNote(manager(), lead.id(), "a reaction to the status change");
                // another thread sees the note: it committed on its own, not inside a transaction of the relay
                seenElsewhere.add(notesSeenByAnotherThread(lead.id()) == 1);
            }
        }));
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);

        reacting[0].eventRelay(EventRelay.Options.defaults().withNodeId("tck-reacting")).relayDue();

        assertEquals(List.of(true), seenElsewhere);
        assertEquals(List.of(LeadStatusChanged.class, NoteAdded.class), types(ofLead(lead.id())),
                "the reaction's event goes out in the same round, after the event it reacted to");
    }

    @Test
    void theRelaysHostCallsRejectBadInput() {
        ValidationException tooFew = assertThrows(ValidationException.class, () -> fx.relay.setAside(0));
        assertViolation(tooFew, "limit");
        assertViolation(assertThrows(ValidationException.class, () -> fx.relay.setAside(10_001)), "limit");
        assertViolation(assertThrows(ValidationException.class, () -> fx.relay.retry(null)), "event");
    }

    // ---- helpers

    /** How many notes of the lead a reader on another thread finds. */
    private int notesSeenByAnotherThread(LeadId lead) {
        try {
            return CompletableFuture.supplyAsync(() -> lm().leads().notes(manager(), lead).size())
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the reader on another thread failed", e);
        }
    }

    /** A relay of the fixture's lead manager, its publisher refusing every status change of {@code lead}. */
    private EventRelay refusingStatusChangesOf(Lead lead, EventRelay.Options options) {
        fx.events.failWhen(e -> e.event() instanceof LeadStatusChanged c && c.lead().equals(lead.id()));
        return fx.lm.eventRelay(options);
    }

    /** Set-aside events of the fixture's tenant. */
    private List<SetAsideEvent> setAside(EventRelay relay) {
        return relay.setAside(10_000).stream().filter(e -> e.tenant().equals(fx.tenant)).toList();
    }

    /** Published events of one lead, without its qualification. */
    private List<DomainEvent> ofLead(LeadId lead) {
        return fx.events.events(fx.tenant).stream().filter(e -> lead.equals(e.lead()))
                .filter(e -> !(e instanceof LeadQualified)).toList();
    }

    private static List<Class<?>> types(List<DomainEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    /**
     * Qualifies {@code leads} leads, then works on them in turns of {@code rounds}: a status change and a note for
     * each lead per turn, interleaving the leads.
     *
     * @return per lead, the events of its changes in the order they committed
     */
    private Map<LeadId, List<DomainEvent>> workOnLeads(Project project, int leads, int rounds) {
        Map<LeadId, List<DomainEvent>> expected = new LinkedHashMap<>();
        List<Lead> all = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            Lead lead = fx.lead(project.id());
            all.add(lead);
            expected.put(lead.id(), new ArrayList<>(List.of(new LeadQualified(lead.id(), project.id(),
                    lead.contact(), lead.origin(), null))));
        }
        List<org.leadmanager.domain.project.StatusKey> statuses = List.of(CONTACTED, OFFER, TckFixture.NEW);
        Map<LeadId, org.leadmanager.domain.project.StatusKey> current = new HashMap<>();
        all.forEach(l -> current.put(l.id(), l.status()));
        for (int round = 0; round < rounds; round++) {
            for (Lead lead : all) {
                org.leadmanager.domain.project.StatusKey to = statuses.get(round % statuses.size());
                lm().leads().changeStatus(manager(), lead.id(), to);
                expected.get(lead.id()).add(new LeadStatusChanged(lead.id(), project.id(), current.put(lead.id(), to),
                        to));
                NoteAdded note = new NoteAdded(lead.id(),
                        lm().leads().addNote(manager(), lead.id(), "turn " + round).id());
                expected.get(lead.id()).add(note);
            }
        }
        return expected;
    }

    private static int count(Map<LeadId, List<DomainEvent>> expected) {
        return expected.values().stream().mapToInt(List::size).sum();
    }

    private int published(Map<LeadId, List<DomainEvent>> expected) {
        return (int) fx.events.events(fx.tenant).stream().filter(e -> expected.containsKey(e.lead())).count();
    }

    /** The events of the given leads, per lead, in the order they were received. */
    private static Map<LeadId, List<DomainEvent>> byLead(List<EventEnvelope> received, Set<LeadId> leads) {
        Map<LeadId, List<DomainEvent>> byLead = new LinkedHashMap<>();
        leads.forEach(l -> byLead.put(l, new ArrayList<>()));
        for (EventEnvelope envelope : received) {
            List<DomainEvent> events = byLead.get(envelope.event().lead());
            if (events != null) {
                events.add(envelope.event());
            }
        }
        return byLead;
    }
}
