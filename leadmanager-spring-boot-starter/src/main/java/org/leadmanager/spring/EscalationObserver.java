package org.leadmanager.spring;

import java.time.Duration;
import org.leadmanager.spi.host.Escalation;

/**
 * Told what the auto-configured escalation dispatcher does: each notifier call and each round. Every bean of this
 * type is told; the starter's own are the statistics behind the health indicator and the Micrometer meters. Called
 * on the dispatching threads; must be thread-safe and fast, and should not throw (what it throws is logged).
 */
public interface EscalationObserver {

    /** The host's notifier accepted an escalation. @param escalation non-null */
    default void escalated(Escalation escalation) {
    }

    /**
     * The host's notifier threw; the dispatcher retries with backoff or, after the last attempt, marks it failed.
     *
     * @param escalation non-null
     * @param failure    what the notifier threw; non-null
     */
    default void failed(Escalation escalation, Exception failure) {
    }

    /**
     * A round ended: every breach due was claimed and escalated, batch after batch.
     *
     * @param took      how long the round took
     * @param escalated breaches settled with an escalation in it
     * @param failure   what ended the round early (e.g. the store failed), or null
     */
    default void round(Duration took, int escalated, Throwable failure) {
    }
}
