package org.leadmanager.spring;

import java.time.Duration;
import org.leadmanager.spi.host.Escalation;

/**
 * Counts what the escalation dispatcher of this node did since start: escalations the notifier accepted, notifier
 * failures (in total and in a row), rounds and the last failure. Read by the health indicator. Thread-safe.
 */
public final class EscalationStatistics extends NotifierStatistics implements EscalationObserver {

    @Override
    public void escalated(Escalation escalation) {
        delivered();
    }

    @Override
    public void failed(Escalation escalation, Exception failure) {
        notifierFailed(failure);
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        roundEnded(failure);
    }

    /** @return escalations the notifier accepted */
    public long escalated() {
        return deliveredCount();
    }
}
