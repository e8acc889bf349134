package org.leadmanager.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.leadmanager.spi.host.Escalation;

/**
 * The escalation dispatcher's meters: counters {@value #ESCALATED} and {@value #FAILED} (notifier calls that
 * threw), and the timer {@value #ROUND} of each round, tagged {@code outcome} {@code success} or {@code error}.
 */
public final class MicrometerEscalationObserver implements EscalationObserver {
    /** Counter of escalations the notifier accepted. */
    public static final String ESCALATED = "leadmanager.escalations.escalated";
    /** Counter of notifier calls that threw. */
    public static final String FAILED = "leadmanager.escalations.failed";
    /** Timer of rounds. */
    public static final String ROUND = "leadmanager.escalations.dispatch";

    private final Counter escalated;
    private final Counter failed;
    private final Timer succeeded;
    private final Timer erred;

    /** @param registry where the meters go; non-null */
    public MicrometerEscalationObserver(MeterRegistry registry) {
        this.escalated = Counter.builder(ESCALATED).description("Escalations the notifier accepted")
                .register(registry);
        this.failed = Counter.builder(FAILED).description("Escalation notifier calls that threw").register(registry);
        this.succeeded = round(registry, "success");
        this.erred = round(registry, "error");
    }

    private static Timer round(MeterRegistry registry, String outcome) {
        return Timer.builder(ROUND).description("Escalation rounds: every breach due claimed and escalated")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void escalated(Escalation escalation) {
        escalated.increment();
    }

    @Override
    public void failed(Escalation escalation, Exception failure) {
        failed.increment();
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        (failure == null ? succeeded : erred).record(took);
    }
}
