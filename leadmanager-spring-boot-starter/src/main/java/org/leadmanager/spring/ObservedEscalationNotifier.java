package org.leadmanager.spring;

import java.time.Duration;
import java.util.List;
import org.leadmanager.spi.host.Escalation;
import org.leadmanager.spi.host.EscalationNotifier;

/** The host's escalation notifier, with every outcome told to the escalation observers. */
final class ObservedEscalationNotifier implements EscalationNotifier {
    private final EscalationNotifier host;
    private final Observers<EscalationObserver> observers;

    ObservedEscalationNotifier(EscalationNotifier host, List<EscalationObserver> observers) {
        this.host = host;
        this.observers = new Observers<>(observers, "EscalationObserver");
    }

    @Override
    public void notify(Escalation escalation) throws Exception {
        try {
            host.notify(escalation);
        } catch (Exception e) {
            observers.tell(observer -> observer.failed(escalation, e));
            throw e;
        }
        observers.tell(observer -> observer.escalated(escalation));
    }

    void round(Duration took, int escalated, Throwable failure) {
        observers.tell(observer -> observer.round(took, escalated, failure));
    }
}
