package org.leadmanager.spring;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A dispatcher of the core (reminders, escalations) run with the context: each round works everything due through
 * the dispatcher on the task's threads; stopping closes the dispatcher, which ends a round after its batch, so
 * starting again takes a new one.
 *
 * @param <D> the dispatcher
 */
abstract class DispatcherLifecycle<D> extends PeriodicTask {
    private final Supplier<D> factory;
    private final Consumer<D> closer;
    /** Replaced when the context starts again after a stop, which closed it. */
    private volatile D dispatcher;
    private boolean closed;

    /** Told how a round ended. */
    @FunctionalInterface
    interface RoundEnd {
        /** @param count items the round settled; @param failure what ended it early, or null */
        void ended(Duration took, int count, Throwable failure);
    }

    DispatcherLifecycle(String name, Duration interval, int threads, Supplier<D> factory, Consumer<D> closer) {
        super(name, interval, threads);
        this.factory = factory;
        this.closer = closer;
        this.dispatcher = factory.get();
    }

    /** One round on the calling thread, timed and told to {@code end}; what it throws is told, then rethrown. */
    final int round(ToIntFunction<D> work, RoundEnd end) {
        long start = System.nanoTime();
        try {
            int count = work.applyAsInt(dispatcher);
            end.ended(Duration.ofNanos(System.nanoTime() - start), count, null);
            return count;
        } catch (RuntimeException | Error e) {
            end.ended(Duration.ofNanos(System.nanoTime() - start), 0, e);
            throw e;
        }
    }

    @Override
    final synchronized void starting() {
        if (closed) {
            dispatcher = factory.get();
            closed = false;
        }
    }

    @Override
    public final synchronized void stop() {
        super.stop();
        closer.accept(dispatcher);
        closed = true;
    }
}
