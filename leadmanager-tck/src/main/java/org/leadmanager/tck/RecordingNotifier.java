package org.leadmanager.tck;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.host.ReminderNotifier;

/**
 * A {@link ReminderNotifier} that records every call and can be told to throw, or to "crash" the dispatcher with
 * an {@link Error}. The reminder dispatcher claims due follow-ups of every tenant in a store, so read the calls of
 * one tenant only. Thread-safe.
 */
public final class RecordingNotifier implements ReminderNotifier {

    /** Thrown to simulate a node that dies between claiming and marking a reminder. */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("dispatcher node crashed (TCK)");
        }
    }

    private final List<Reminder> attempts = new CopyOnWriteArrayList<>();
    private final List<Reminder> delivered = new CopyOnWriteArrayList<>();
    private volatile Function<Reminder, Exception> failure = r -> null;
    private volatile Predicate<Reminder> crashWhen = r -> false;

    @Override
    public void notify(Reminder reminder) throws Exception {
        attempts.add(reminder);
        if (crashWhen.test(reminder)) {
            throw new Crash();
        }
        Exception failed = failure.apply(reminder);
        if (failed != null) {
            throw failed;
        }
        delivered.add(reminder);
    }

    /** Makes calls for which the predicate holds throw an exception (a failed attempt). */
    public void failWhen(Predicate<Reminder> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        failWith(r -> predicate.test(r) ? new java.io.IOException("notifier is down (TCK)") : null);
    }

    /** Makes each call throw what the function returns for it; null lets the call succeed. */
    public void failWith(Function<Reminder, Exception> failure) {
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** Makes calls for which the predicate holds throw {@link Crash}, which escapes the dispatcher. */
    public void crashWhen(Predicate<Reminder> predicate) {
        this.crashWhen = Objects.requireNonNull(predicate, "predicate");
    }

    /** Calls that returned normally for the tenant, in order. */
    public List<Reminder> delivered(TenantId tenant) {
        return delivered.stream().filter(r -> r.followUp().tenant().equals(tenant)).toList();
    }

    /** Calls that returned normally for one follow-up, in order. */
    public List<Reminder> delivered(FollowUpId followUp) {
        return delivered.stream().filter(r -> r.followUp().id().equals(followUp)).toList();
    }

    /** Every call for the tenant, failed ones included, in order. */
    public List<Reminder> attempts(TenantId tenant) {
        return attempts.stream().filter(r -> r.followUp().tenant().equals(tenant)).toList();
    }

    /** Every call for one follow-up, failed ones included, in order. */
    public List<Reminder> attempts(FollowUpId followUp) {
        return attempts.stream().filter(r -> r.followUp().id().equals(followUp)).toList();
    }
}
