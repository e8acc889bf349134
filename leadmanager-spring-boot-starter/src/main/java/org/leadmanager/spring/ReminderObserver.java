package org.leadmanager.spring;

import java.time.Duration;
import org.leadmanager.spi.host.Reminder;

/**
 * Told what the auto-configured reminder dispatcher does: each notifier call, each batch and each dispatch round. Every bean of
 * this type is told; the starter's own are the statistics behind the health indicator and the Micrometer meters.
 * Called on the dispatching threads; must be thread-safe and fast, and should not throw (what it throws is logged).
 */
public interface ReminderObserver {

    /** The host's notifier accepted a reminder. @param reminder non-null */
    default void fired(Reminder reminder) {
    }

    /**
     * The host's notifier threw; the dispatcher retries with backoff or, after the last attempt, marks it failed.
     *
     * @param reminder non-null
     * @param failure  what the notifier threw; non-null
     */
    default void failed(Reminder reminder, Exception failure) {
    }

    /**
     * A claimed batch was worked through: its reminders sent and the delivered ones marked fired.
     *
     * @param claimed reminders in the batch
     * @param fired   of them, marked fired
     * @param took    from the batch's first notifier call until it was marked
     */
    default void batch(int claimed, int fired, Duration took) {
    }

    /**
     * A dispatch round ended: everything due was claimed and sent, batch after batch.
     *
     * @param took    how long the round took
     * @param fired   reminders fired in it
     * @param failure what ended the round early (e.g. the store failed), or null
     */
    default void round(Duration took, int fired, Throwable failure) {
    }
}
