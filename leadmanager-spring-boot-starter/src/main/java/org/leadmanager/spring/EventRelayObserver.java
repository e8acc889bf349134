package org.leadmanager.spring;

import java.time.Duration;
import org.leadmanager.EventRelay;

/**
 * Told what the auto-configured event relay does: each event published, each failed attempt, each event set aside
 * (the relay's {@link EventRelay.Listener} calls), and each relay round. Every bean of this type is told; the
 * starter's own are the statistics behind the health indicator and the Micrometer meters. Called on the relay's
 * thread; must be thread-safe and fast, and should not throw (what it throws is logged).
 */
public interface EventRelayObserver extends EventRelay.Listener {

    /**
     * A relay round ended: everything publishable was claimed and published, batch after batch.
     *
     * @param took      how long the round took
     * @param published events the publisher accepted in it
     * @param failure   what ended the round early (e.g. the store failed), or null
     */
    default void round(Duration took, int published, Throwable failure) {
    }
}
