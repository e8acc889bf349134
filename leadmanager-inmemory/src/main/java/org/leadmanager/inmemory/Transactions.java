package org.leadmanager.inmemory;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.leadmanager.domain.event.EventEnvelope;

/**
 * The store lock and the unit of work running under it. A unit of work holds the lock from start to end, so units
 * of work are serialisable by construction; a nested call on the same thread joins the running one through a
 * savepoint. Repositories ask this class for the running unit of work on every call, which also rejects calls
 * from other threads or after the unit of work ended.
 */
final class Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    /** Written and read only by the thread holding {@link #lock}. */
    private Transaction current;

    /**
     * Runs the work as a unit of work, or joins the one this thread is running. On success of the outermost call
     * the recorded events go to {@code commit} before the lock is released; on any throwable everything the work
     * changed is undone and the throwable is rethrown unchanged.
     */
    <T> T run(Supplier<T> work, Consumer<List<EventEnvelope>> commit) {
        if (lock.isHeldByCurrentThread()) {
            Transaction outer = current;
            Transaction.Savepoint savepoint = outer.savepoint();
            try {
                return work.get();
            } catch (Throwable t) {
                outer.rollbackTo(savepoint, t);
                throw t;
            }
        }
        lock.lock();
        Transaction tx = new Transaction();
        current = tx;
        try {
            T result = work.get();
            commit.accept(tx.events());
            return result;
        } catch (Throwable t) {
            tx.rollbackTo(Transaction.Savepoint.START, t);
            throw t;
        } finally {
            current = null;
            lock.unlock();
        }
    }

    /** Whether this thread is inside a unit of work. */
    boolean inUnitOfWork() {
        return lock.isHeldByCurrentThread();
    }

    /** The unit of work of this thread. @throws IllegalStateException outside one */
    Transaction active() {
        if (!lock.isHeldByCurrentThread() || current == null) {
            throw new IllegalStateException("store used outside its unit of work: call repositories only inside "
                    + "LeadStore.inTransaction, on the thread that runs it");
        }
        return current;
    }

    /** Checks that this thread is inside a unit of work. @throws IllegalStateException if not */
    void checkActive() {
        active();
    }

    /**
     * Runs one repository change so that it either completes or changes nothing, even when the caller catches its
     * exception and carries on with the unit of work.
     */
    <T> T atomically(Function<UndoLog, T> change) {
        Transaction tx = active();
        Transaction.Savepoint savepoint = tx.savepoint();
        try {
            return change.apply(tx.changes());
        } catch (Throwable t) {
            tx.rollbackTo(savepoint, t);
            throw t;
        }
    }
}
