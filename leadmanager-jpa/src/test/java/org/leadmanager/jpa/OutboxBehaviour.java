package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.host.EventPublisher;

/** The transactional outbox and its relay. */
abstract class OutboxBehaviour extends StoreTestBase {
    private final TenantId tenant = Fixtures.tenant();

    @BeforeEach
    void drain() {
        store().relayEvents(EventPublisher.none());
    }

    @Test
    void relaysInRecordedOrderAndStopsAtTheFirstFailure() {
        List<EventEnvelope> events = events(8);
        run(s -> s.recordEvents(events.subList(0, 5)));
        run(s -> s.recordEvents(events.subList(5, 8)));

        List<EventEnvelope> published = new ArrayList<>();
        int relayed = store().relayEvents(e -> {
            if (published.size() == 3) {
                throw new IllegalStateException("broker down");
            }
            published.add(e);
        });
        assertEquals(3, relayed);
        assertEquals(events.subList(0, 3), published);

        published.clear();
        assertEquals(5, store().relayEvents(published::add));
        assertEquals(events.subList(3, 8), published);
        assertEquals(0, store().relayEvents(published::add));
    }

    @Test
    void eventsOfARolledBackUnitOfWorkAreNeverPublished() {
        assertThrows(IllegalStateException.class, () -> run(s -> {
            s.recordEvents(events(2));
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, store().relayEvents(e -> { }));
    }

    @Test
    void committedEventsSurviveACrashAndANewStoreRelaysThem() {
        EntityManagerFactory crashing = db().newEmf();
        List<EventEnvelope> events = events(3);
        JpaLeadStore.create(crashing).inTransaction(s -> {
            s.recordEvents(events);
            return null;
        });
        crashing.close(); // the node dies before relaying

        JpaLeadStore restarted = JpaLeadStore.create(db().newEmf());
        List<EventEnvelope> published = new ArrayList<>();
        assertEquals(3, restarted.relayEvents(published::add));
        assertEquals(events, published);
    }

    /** Relays on several nodes run one at a time, so each event goes out once and in order. */
    @Test
    void concurrentRelaysPublishEachEventOnceInOrder() throws Exception {
        List<EventEnvelope> events = events(450);
        for (int from = 0; from < events.size(); from += 50) {
            List<EventEnvelope> part = events.subList(from, from + 50);
            run(s -> s.recordEvents(part));
        }
        List<EventEnvelope> published = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> relays = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                JpaLeadStore node = JpaLeadStore.create(db().newEmf());
                relays.add(pool.submit(() -> node.relayEvents(published::add)));
            }
            int total = 0;
            for (Future<Integer> relay : relays) {
                total += relay.get(1, TimeUnit.MINUTES);
            }
            assertEquals(450, total);
            assertEquals(events, published);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<EventEnvelope> events(int count) {
        LeadId lead = new LeadId(UUID.randomUUID());
        return IntStream.range(0, count).mapToObj(i -> new EventEnvelope(UUID.randomUUID(), tenant, Fixtures.ALICE,
                Fixtures.at(i), new DomainEvent.NoteAdded(lead, new NoteId(UUID.randomUUID())))).toList();
    }
}
