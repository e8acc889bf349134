package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.json.JsonEvents;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.tck.RecordingPublisher;
import org.leadmanager.tck.TckFixture;

/** The publication registry in {@code lm_event}: what a row holds, and what the relay makes of rows it cannot read. */
abstract class EventRegistryBehaviour extends StoreTestBase {
    private final TenantId tenant = Fixtures.tenant();

    @Test
    void aRowHoldsTheEventsJsonEnvelopeWithItsTypeVersionTenantAndLead() throws SQLException {
        EventEnvelope event = events(new LeadId(UUID.randomUUID()), 1).get(0);
        run(s -> s.recordEvents(List.of(event)));

        Map<String, Object> row = row(event.id());

        assertEquals(JsonEvents.create().serialize(event), row.get("payload"));
        assertEquals("NoteAdded", row.get("event_type"));
        assertEquals(1, ((Number) row.get("schema_version")).intValue());
        assertEquals(tenant.value(), row.get("tenant_id"));
        assertEquals(event.event().lead().value().toString(), row.get("lead_id").toString());
        assertEquals("PENDING", row.get("state"));
        assertEquals(0, ((Number) row.get("attempts")).intValue());
        assertEquals(null, row.get("claimed_by"));
    }

    @Test
    void eventsOfARolledBackUnitOfWorkAreNeverRecorded() {
        long pending = (long) tx(s -> s.events().countPending());
        assertThrows(IllegalStateException.class, () -> run(s -> {
            s.recordEvents(events(new LeadId(UUID.randomUUID()), 2));
            throw new IllegalStateException("boom");
        }));
        assertEquals(pending, (long) tx(s -> s.events().countPending()));
    }

    @Test
    void anUnreadableRowIsSetAsideWithItsErrorWhileTheOthersArePublished() throws SQLException {
        TckFixture fx = TckFixture.create(store());
        Project project = fx.project("Solar");
        fx.relayEvents();
        Lead damaged = fx.lead(project.id());
        Lead intact = fx.lead(project.id());
        fx.lm.leads().addNote(fx.manager, damaged.id(), "after the damaged event");
        UUID qualified = eventIdOf(damaged.id(), "LeadQualified");
        String original = (String) row(qualified).get("payload");
        db().execute("UPDATE lm_event SET payload = '{\"id\": \"broken' WHERE id = '" + qualified + "'");

        fx.relayEvents();

        assertEquals(List.of(DomainEvent.LeadQualified.class), types(fx, intact.id()), "the others go out");
        assertEquals(List.of(DomainEvent.NoteAdded.class), types(fx, damaged.id()),
                "so does the later event of its lead");
        List<SetAsideEvent> setAside = setAside(fx);
        assertEquals(1, setAside.size(), setAside.toString());
        assertEquals(qualified, setAside.get(0).id());
        assertEquals("LeadQualified", setAside.get(0).type());
        assertEquals(damaged.id(), setAside.get(0).lead());
        assertTrue(setAside.get(0).lastError().startsWith("the store cannot read the event"),
                setAside.get(0).lastError());
        assertEquals("SET_ASIDE", row(qualified).get("state"));

        db().execute("UPDATE lm_event SET payload = '" + original.replace("'", "''") + "' WHERE id = '"
                + qualified + "'");
        assertTrue(fx.relay.retry(setAside.get(0)));
        fx.relayEvents();
        assertEquals(List.of(DomainEvent.NoteAdded.class, DomainEvent.LeadQualified.class),
                types(fx, damaged.id()), "repaired and retried, it goes out after all");
        assertEquals(List.of(), setAside(fx));
    }

    /**
     * An event written by a newer library (a schema version or type this one does not read) is left pending for a
     * node that reads it, not set aside: during a rolling upgrade it waits, with the later events of its lead, while
     * the other leads' events go out; once a node reads it, it goes out first and its lead's events follow in order.
     */
    @Test
    void anEventOfANewerSchemaVersionWaitsWithItsLeadForANodeThatReadsIt() throws SQLException {
        TckFixture fx = TckFixture.create(store());
        Project project = fx.project("Solar");
        fx.relayEvents();
        Lead lead = fx.lead(project.id());
        fx.lm.leads().addNote(fx.manager, lead.id(), "after the newer event");
        UUID qualified = eventIdOf(lead.id(), "LeadQualified");
        String original = (String) row(qualified).get("payload");
        String newer = original.replace("\"version\":1", "\"version\":2");
        db().execute("UPDATE lm_event SET payload = '" + newer.replace("'", "''") + "', schema_version = 2"
                + " WHERE id = '" + qualified + "'");
        Lead other = fx.lead(project.id());

        fx.relayEvents();

        assertEquals(List.of(), types(fx, lead.id()), "the newer event and the later note wait");
        assertEquals(List.of(DomainEvent.LeadQualified.class), types(fx, other.id()), "other leads go on");
        assertEquals(List.of(), setAside(fx));
        assertEquals("PENDING", row(qualified).get("state"));
        assertEquals(0, ((Number) row(qualified).get("attempts")).intValue(), "no attempt counted");

        // a node that reads it: here, the row as this library writes it
        db().execute("UPDATE lm_event SET payload = '" + original.replace("'", "''") + "', schema_version = 1"
                + " WHERE id = '" + qualified + "'");
        fx.relayEvents();
        assertEquals(List.of(DomainEvent.LeadQualified.class, DomainEvent.NoteAdded.class), types(fx, lead.id()));
    }

    @Test
    void committedEventsSurviveACrashAndALeadManagerOnANewStorePublishesThem() {
        List<EventEnvelope> events = events(new LeadId(UUID.randomUUID()), 3);
        JpaLeadStore crashing = JpaLeadStore.create(db().newEmf());
        crashing.inTransaction(s -> {
            s.recordEvents(events);
            return null;
        });
        // the node dies before any relay ran

        TckFixture restarted = TckFixture.create(JpaLeadStore.create(db().newEmf()));
        restarted.relayEvents();
        assertEquals(events, restarted.events.envelopes(tenant));
    }

    /** Relays of several nodes, each on a factory of its own: each event goes out once, each lead's in order. */
    @Test
    void relaysOnSeveralNodesPublishEachEventOnceAndEachLeadsInOrder() {
        Map<LeadId, List<EventEnvelope>> byLead = new LinkedHashMap<>();
        for (int lead = 0; lead < 30; lead++) {
            byLead.put(new LeadId(UUID.randomUUID()), new ArrayList<>());
        }
        List<LeadId> leads = new ArrayList<>(byLead.keySet());
        for (int round = 0; round < 15; round++) {
            List<EventEnvelope> unit = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                LeadId lead = leads.get((i * 7 + round) % 30);
                EventEnvelope event = events(lead, 1).get(0);
                unit.add(event);
                byLead.get(lead).add(event);
            }
            run(s -> s.recordEvents(unit));
        }
        RecordingPublisher shared = new RecordingPublisher();
        List<Callable<Integer>> relays = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            LeadManager lm = TckFixture.create(JpaLeadStore.create(db().newEmf()))
                    .newLeadManager(b -> b.events(shared));
            EventRelay relay = lm.eventRelay(EventRelay.Options.defaults().withNodeId("node-" + node)
                    .withBatchSize(20));
            relays.add(relay::relayDue);
        }

        race(relays);
        // a relay may end its round while another still holds rows it would have waited for: one more round each
        for (Callable<Integer> relay : relays) {
            race(List.of(relay));
        }

        List<EventEnvelope> received = shared.envelopes(tenant);
        assertEquals(450, received.size(), "each event once");
        assertEquals(450, received.stream().map(EventEnvelope::id).distinct().count());
        Map<LeadId, List<EventEnvelope>> receivedByLead = received.stream().collect(Collectors.groupingBy(
                e -> e.event().lead(), LinkedHashMap::new, Collectors.toList()));
        for (LeadId lead : leads) {
            assertEquals(byLead.get(lead), receivedByLead.get(lead), "lead " + lead + " in commit order");
        }
    }

    @Test
    void claimedRowsCarryTheirClaimAndOnlyThatClaimPublishesThem() throws SQLException {
        EventEnvelope event = events(new LeadId(UUID.randomUUID()), 1).get(0);
        run(s -> s.recordEvents(List.of(event)));
        ClaimedEvent claimed = tx(s -> s.events().claim(Fixtures.T0.plusSeconds(3600), 10_000, "node-a",
                Fixtures.T0.plusSeconds(3720))).stream().filter(c -> c.id().equals(event.id())).findFirst()
                .orElseThrow();

        assertEquals("node-a", row(event.id()).get("claimed_by"));
        assertEquals(event, claimed.envelope());
        assertFalse(claimed.retaken());
        assertEquals(1, (int) tx(s -> s.events().markPublished(List.of(claimed), Fixtures.T0, false)));
        assertTrue(row(event.id()).isEmpty(), "a published row is deleted");
    }

    // ---- helpers

    /** Runs the relays at the same time and waits for all of them. */
    private static void race(List<Callable<Integer>> relays) {
        ExecutorService pool = Executors.newFixedThreadPool(relays.size());
        try {
            for (Future<Integer> relay : pool.invokeAll(relays)) {
                relay.get(2, TimeUnit.MINUTES);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a relay failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the relays did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<EventEnvelope> events(LeadId lead, int count) {
        return IntStream.range(0, count).mapToObj(i -> new EventEnvelope(UUID.randomUUID(), tenant, Fixtures.ALICE,
                Fixtures.at(i), new DomainEvent.NoteAdded(lead, new NoteId(UUID.randomUUID())))).toList();
    }

    /** The stored row of an event, column by lower-case name; empty if there is none. */
    private Map<String, Object> row(UUID id) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        try (Connection c = db().connect();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM lm_event WHERE id = ?")) {
            SqlDialect.of(c).bind(ps, 1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT),
                                rs.getObject(i));
                    }
                }
            }
        }
        return row;
    }

    /** The id of the lead's pending event of a type. */
    private UUID eventIdOf(LeadId lead, String type) throws SQLException {
        try (Connection c = db().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM lm_event WHERE lead_id = ? AND event_type = ? AND state = 'PENDING'")) {
            SqlDialect.of(c).bind(ps, 1, lead.value());
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no pending " + type + " of lead " + lead);
                return UUID.fromString(rs.getString(1));
            }
        }
    }

    private static List<Class<?>> types(TckFixture fx, LeadId lead) {
        return fx.events.events(fx.tenant).stream().filter(e -> lead.equals(e.lead()))
                .<Class<?>>map(Object::getClass).toList();
    }

    private static List<SetAsideEvent> setAside(TckFixture fx) {
        return fx.relay.setAside(10_000).stream().filter(e -> e.tenant().equals(fx.tenant)).toList();
    }
}
