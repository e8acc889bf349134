package org.leadmanager.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.leadmanager.spi.host.Reminder;

/**
 * The reminder dispatcher's meters: counters {@value #FIRED} and {@value #FAILED} (notifier calls that threw), the
 * timer {@value #BATCH} of each claimed batch (its notifier calls and marking), and the timer {@value #ROUND} of each
 * dispatch round, tagged {@code outcome} {@code success} or {@code error}.
 */
public final class MicrometerReminderObserver implements ReminderObserver {
    /** Counter of reminders the notifier accepted. */
    public static final String FIRED = "leadmanager.reminders.fired";
    /** Counter of notifier calls that threw. */
    public static final String FAILED = "leadmanager.reminders.failed";
    /** Timer of claimed batches. */
    public static final String BATCH = "leadmanager.reminders.batch";
    /** Timer of dispatch rounds. */
    public static final String ROUND = "leadmanager.reminders.dispatch";

    private final Counter fired;
    private final Counter failed;
    private final Timer batches;
    private final Timer succeeded;
    private final Timer erred;

    /** @param registry where the meters go; non-null */
    public MicrometerReminderObserver(MeterRegistry registry) {
        this.fired = Counter.builder(FIRED).description("Reminders the notifier accepted").register(registry);
        this.failed = Counter.builder(FAILED).description("Notifier calls that threw").register(registry);
        this.batches = Timer.builder(BATCH).description("Claimed batches of reminders: sent and marked")
                .register(registry);
        this.succeeded = round(registry, "success");
        this.erred = round(registry, "error");
    }

    private static Timer round(MeterRegistry registry, String outcome) {
        return Timer.builder(ROUND).description("Dispatch rounds: everything due claimed and sent")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void fired(Reminder reminder) {
        fired.increment();
    }

    @Override
    public void failed(Reminder reminder, Exception failure) {
        failed.increment();
    }

    @Override
    public void batch(int claimed, int fired, Duration took) {
        batches.record(took);
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        (failure == null ? succeeded : erred).record(took);
    }
}
