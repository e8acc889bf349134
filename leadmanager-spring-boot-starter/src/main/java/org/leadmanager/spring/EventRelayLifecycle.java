package org.leadmanager.spring;

import org.leadmanager.LeadManager;

/**
 * Relays events left pending (a publisher that failed, a node that crashed between commit and relay) once when the
 * context has started and then every {@code leadmanager.relay.interval}; stops with the context, waiting for a
 * running relay. Changes relay their own events right after commit anyway: this catches up on the rest.
 */
public final class EventRelayLifecycle extends PeriodicTask {
    private final LeadManager leadManager;

    /**
     * @param leadManager the lead manager whose events to relay; non-null
     * @param settings    the {@code leadmanager.relay.*} settings
     * @throws IllegalArgumentException if the interval is shorter than 10 ms
     */
    public EventRelayLifecycle(LeadManager leadManager, LeadManagerProperties.Relay settings) {
        super("leadmanager-relay", settings.getInterval(), 1);
        this.leadManager = leadManager;
    }

    @Override
    void runOnce() {
        leadManager.relayEvents();
    }
}
