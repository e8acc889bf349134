package org.leadmanager.spi.store;

import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;

/**
 * Events as text and back: each event's stable type name and schema version, and the envelope's serialized form,
 * for anything that keeps or forwards events outside the JVM (a host's webhooks or search index; an event store).
 * The core knows no format; {@code leadmanager-json} gives the JSON form the README documents, which the JPA
 * store keeps in its publication registry.
 */
public interface EventSerializer {

    /**
     * The event's type name, stable across versions of the library: a class renamed in the code keeps its name on
     * the wire.
     */
    String typeName(DomainEvent event);

    /** The version of the serialized shape of the event's type; it rises when that shape changes. */
    int schemaVersion(DomainEvent event);

    /** The envelope with its event as text; never fails for an envelope the library built. */
    String serialize(EventEnvelope envelope);

    /**
     * Whether {@link #deserialize} reads events of this type name and schema version. False for a type or a version
     * that only a newer library writes: during a rolling upgrade a relay of an older node leaves such an event (and
     * the later events of its lead) pending for a node that reads it, instead of setting it aside as damaged.
     */
    default boolean reads(String typeName, int schemaVersion) {
        return true;
    }

    /**
     * The envelope back from text {@link #serialize} wrote, in this or an earlier schema version.
     *
     * @throws UnreadableEventException if the text is not such an envelope
     */
    EventEnvelope deserialize(String text);

    /** Text that is not a serialized envelope: damaged, of an unknown type, or of a newer schema version. */
    final class UnreadableEventException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
