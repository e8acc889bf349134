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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.error.StoreException;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.host.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox in {@code lm_outbox}: events are written in the unit of work of their change and
 * published after commit by {@link #relay}. One row holds the consecutive events of one tenant that one unit of
 * work recorded, up to {@value #MAX_EVENTS_PER_ROW} of them, in order, each with its own id inside its envelope: a
 * bulk chunk of a thousand new leads costs one insert and, once published, one delete, rather than a thousand
 * of each. The row's {@code event_id} and {@code occurred_at} are those of its first pending event. Payloads are the
 * Java serialization of an {@link EventEnvelope} array (every event is a serializable record); reading accepts only
 * library and JDK classes.
 */
final class Outbox {
    /** Keeps payloads well under the smallest payload column (H2's 1,000,000 bytes). */
    static final int MAX_EVENTS_PER_ROW = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /**
     * {@code seq} is the column's default (a sequence; AUTO_INCREMENT on MariaDB): the same statement on every
     * database.
     */
    private static final String INSERT = "INSERT INTO lm_outbox (event_id, tenant_id, occurred_at, payload)"
            + " VALUES (?, ?, ?, ?)";
    private static final ObjectInputFilter ONLY_EVENTS =
            ObjectInputFilter.Config.createFilter("org.leadmanager.**;java.**;maxdepth=20;!*");

    private Outbox() {
    }

    /** Appends the events to the outbox of the session's unit of work with one JDBC batch of rows. */
    static void record(JpaSession session, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        session.jdbc((connection, db) -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                int from = 0;
                while (from < events.size()) {
                    int to = from + 1;
                    while (to < events.size() && to - from < MAX_EVENTS_PER_ROW
                            && events.get(to).tenant().equals(events.get(from).tenant())) {
                        to++;
                    }
                    List<EventEnvelope> row = events.subList(from, to);
                    bindRow(ps, db, row);
                    ps.addBatch();
                    from = to;
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void bindRow(PreparedStatement ps, SqlDialect db, List<EventEnvelope> row) throws SQLException {
        EventEnvelope first = row.get(0);
        db.bind(ps, 1, first.id());
        ps.setString(2, first.tenant().value());
        db.bind(ps, 3, first.occurredAt());
        ps.setBytes(4, serialize(row));
    }

    /** The outcome of relaying one batch: events published, whether more rows may be pending, whether it failed. */
    record Batch(int published, boolean more, boolean failed) {
    }

    /**
     * Publishes the events of up to {@code limit} pending rows in sequence order, deleting each row whose events
     * were all published, all in the caller's transaction, which must hold nothing else. When the publisher fails
     * within a row, the row keeps only the events not yet published. Holding the relay lock row (pessimistic
     * write) keeps relays of every node apart until that transaction ends.
     */
    static Batch relay(EntityManager em, EventPublisher publisher, int limit) {
        if (em.find(RelayLockEntity.class, RelayLockEntity.OUTBOX, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new StoreException("lm_relay_lock has no row 'outbox'; create the schema with the"
                    + " scripts under " + JpaLeadStore.SCHEMA_LOCATION, null);
        }
        List<OutboxEntity> pending = em.createQuery("select o from LmOutbox o order by o.seq", OutboxEntity.class)
                .setMaxResults(limit).getResultList();
        List<Long> done = new ArrayList<>();
        int published = 0;
        boolean failed = false;
        for (OutboxEntity row : pending) {
            em.detach(row);
            List<EventEnvelope> events = deserialize(row.payload);
            int sent = 0;
            try {
                for (EventEnvelope event : events) {
                    publisher.publish(event);
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Publishing event {} failed; it and the later events stay pending",
                        events.get(sent).id(), e);
                failed = true;
            }
            published += sent;
            if (!failed) {
                done.add(row.seq);
                continue;
            }
            if (sent > 0) {
                keepRest(em, row.seq, events.subList(sent, events.size()));
            }
            break;
        }
        if (!done.isEmpty()) {
            em.createQuery("delete from LmOutbox o where o.seq in ?1").setParameter(1, done).executeUpdate();
        }
        return new Batch(published, !failed && pending.size() == limit, failed);
    }

    /** Leaves only the unpublished events in the row, keeping its place in the sequence. */
    private static void keepRest(EntityManager em, long seq, List<EventEnvelope> rest) {
        em.createQuery("update LmOutbox o set o.eventId = ?1, o.occurredAt = ?2, o.payload = ?3 where o.seq = ?4")
                .setParameter(1, rest.get(0).id()).setParameter(2, rest.get(0).occurredAt())
                .setParameter(3, serialize(rest)).setParameter(4, seq).executeUpdate();
    }

    static byte[] serialize(List<EventEnvelope> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + 128 * events.size());
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            // one stream: class descriptors and shared values (tenant, actor, time, project) are written once
            out.writeObject(events.toArray(EventEnvelope[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize event " + events.get(0).id(), e);
        }
        return bytes.toByteArray();
    }

    /** The events of one row, in order; a row written by an earlier version holds a single envelope. */
    static List<EventEnvelope> deserialize(byte[] payload) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(ONLY_EVENTS);
            Object read = in.readObject();
            return read instanceof EventEnvelope single ? List.of(single) : List.of((EventEnvelope[]) read);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new StoreException("cannot read an outbox event: " + e, e);
        }
    }
}
