package org.leadmanager.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A job the context runs on daemon threads of its own, every interval from its start and on request
 * ({@link #wakeUp()}), started after every bean was created and stopped with the context; stopping waits for a running
 * round (up to the grace period).
 */
abstract class PeriodicTask implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Duration interval;
    private final int threads;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    /** Written under this object's lock; read without it by {@link #wakeUp}, which must never wait for a stop. */
    private volatile ScheduledExecutorService executor;

    PeriodicTask(String name, Duration interval, int threads) {
        if (interval == null || interval.toMillis() < 10) {
            throw new IllegalArgumentException(name + ": the interval must be at least 10 ms, was " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.threads = threads;
    }

    /** One round of the job; what it throws, an {@link Error} too, is logged and the next round runs as planned. */
    abstract void runOnce();

    /** Called by {@link #start} before the first round, also when the context starts again after a stop. */
    abstract void starting();

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        starting();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = Executors.newScheduledThreadPool(threads, factory);
        for (int i = 0; i < threads; i++) {
            executor.scheduleWithFixedDelay(this::guarded, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs a round soon, on the job's threads, rather than at the next interval; nothing if not running. A request
     * made while one is still queued is the same request.
     */
    void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running == null || !wakeUpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakeUpQueued.set(false);
                guarded();
            });
        } catch (RejectedExecutionException stopping) {
            wakeUpQueued.set(false);
        }
    }

    private void guarded() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("{} failed; trying again in {}", name, interval, e);
        } catch (Error e) {
            // escaping the executor it would cancel the periodic round for good, and silently
            LOG.error("{} failed with an error; trying again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not finish its round within {}; interrupting it", name, GRACE);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
