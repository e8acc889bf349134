package org.leadmanager.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox in {@code lm_outbox}: events are written in the unit of work of their change and
 * published after commit by {@link #relay}. Payloads are the Java serialization of the {@link EventEnvelope}
 * (every event is a serializable record); reading accepts only library and JDK classes.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final ObjectInputFilter ONLY_EVENTS =
            ObjectInputFilter.Config.createFilter("org.leadmanager.**;java.**;maxdepth=20;!*");

    private Outbox() {
    }

    /** Appends the events to the outbox of the session's unit of work with one JDBC batch. */
    static void record(JpaSession session, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        session.jdbc((connection, db) -> {
            String sql = "INSERT INTO lm_outbox (seq, event_id, tenant_id, occurred_at, payload) VALUES ("
                    + db.nextValue("lm_outbox_seq") + ", ?, ?, ?, ?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (EventEnvelope e : events) {
                    ps.setString(1, e.id().toString());
                    ps.setString(2, e.tenant().value());
                    db.bind(ps, 3, e.occurredAt());
                    ps.setBytes(4, serialize(e));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The outcome of relaying one batch. */
    record Batch(int published, boolean more) {
    }

    /**
     * Publishes up to {@code limit} pending events in sequence order and deletes each published one, all in the
     * caller's transaction, which must hold nothing else. Holding the relay lock row (pessimistic write) keeps
     * relays of every node apart until that transaction ends.
     */
    static Batch relay(EntityManager em, EventPublisher publisher, int limit) {
        if (em.find(RelayLockEntity.class, RelayLockEntity.OUTBOX, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("lm_relay_lock has no row 'outbox'; create the schema with the"
                    + " scripts under db/leadmanager");
        }
        List<OutboxEntity> pending = em.createQuery("select o from LmOutbox o order by o.seq", OutboxEntity.class)
                .setMaxResults(limit).getResultList();
        List<Long> published = new ArrayList<>();
        boolean failed = false;
        for (OutboxEntity row : pending) {
            em.detach(row);
            try {
                publisher.publish(deserialize(row.payload));
            } catch (RuntimeException e) {
                LOG.warn("Publishing event {} failed; it and {} later events stay pending", row.eventId,
                        pending.size() - published.size() - 1, e);
                failed = true;
                break;
            }
            published.add(row.seq);
        }
        if (!published.isEmpty()) {
            em.createQuery("delete from LmOutbox o where o.seq in ?1").setParameter(1, published).executeUpdate();
        }
        return new Batch(published.size(), !failed && pending.size() == limit);
    }

    static byte[] serialize(EventEnvelope event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize event " + event.id(), e);
        }
        return bytes.toByteArray();
    }

    static EventEnvelope deserialize(byte[] payload) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(ONLY_EVENTS);
            return (EventEnvelope) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read an outbox event: " + e, e);
        }
    }
}
