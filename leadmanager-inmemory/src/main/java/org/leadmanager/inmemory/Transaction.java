package org.leadmanager.inmemory;

import java.util.ArrayList;
import java.util.List;
import org.leadmanager.domain.event.EventEnvelope;

/** One running unit of work: its undo log and the events it recorded. Used only by the thread holding the lock. */
final class Transaction {

    /** A position to roll back to: a nested unit of work or a single repository call. */
    record Savepoint(int changes, int events) {
        static final Savepoint START = new Savepoint(0, 0);
    }

    private final UndoLog changes = new UndoLog();
    private final List<EventEnvelope> events = new ArrayList<>();

    UndoLog changes() {
        return changes;
    }

    void record(List<EventEnvelope> recorded) {
        events.addAll(recorded);
    }

    List<EventEnvelope> events() {
        return events;
    }

    Savepoint savepoint() {
        return new Savepoint(changes.size(), events.size());
    }

    /** Undoes everything after the savepoint; a failure while undoing is attached to {@code cause}. */
    void rollbackTo(Savepoint savepoint, Throwable cause) {
        try {
            changes.rollbackTo(savepoint.changes());
        } catch (RuntimeException | Error e) {
            cause.addSuppressed(e);
        }
        events.subList(savepoint.events(), events.size()).clear();
    }
}
