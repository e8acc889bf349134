package org.leadmanager;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The started life of a background job (reminder dispatcher, event relay): daemon threads that run a round at once
 * and then every interval after the last one ended; a round on request ({@link #wakeUp}); stopping waits for the
 * running round. Started once; stopped for good. What a round throws is logged, never lost in the executor, which
 * would cancel the periodic task silently.
 */
final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String job;
    private final String threadName;
    private final Runnable round;
    private final Duration interval;
    private final int threads;
    private final Object lifecycle = new Object();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private boolean closed;
    private volatile boolean stopping;

    /**
     * @param job        what the job is, for messages ("reminder dispatcher node-1")
     * @param threadName prefix of its thread names
     * @param round      one round of the job
     */
    Poller(String job, String threadName, Runnable round, Duration interval, int threads) {
        this.job = job;
        this.threadName = threadName;
        this.round = round;
        this.interval = interval;
        this.threads = threads;
    }

    /** @throws IllegalStateException if already started or stopped */
    void start() {
        synchronized (lifecycle) {
            if (closed || executor != null) {
                throw new IllegalStateException(job + (closed ? " is closed" : " is already started"));
            }
            AtomicInteger count = new AtomicInteger();
            executor = Executors.newScheduledThreadPool(threads, r -> {
                Thread t = new Thread(r, threadName + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            for (int i = 0; i < threads; i++) {
                executor.scheduleWithFixedDelay(this::guarded, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Whether {@link #stop} was called: a round should end after its current batch. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Asks for a round now rather than at the next poll, on the job's own threads; does nothing unless started. A
     * request made while one is still queued is the same request.
     */
    void wakeUp() {
        ScheduledExecutorService running;
        synchronized (lifecycle) {
            running = executor;
        }
        if (running == null || !wakeUpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakeUpQueued.set(false);
                guarded();
            });
        } catch (RejectedExecutionException stopped) {
            wakeUpQueued.set(false);
        }
    }

    private void guarded() {
        if (stopping) {
            return;
        }
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.warn("A round of the {} failed; retrying at the next poll", job, e);
        } catch (Error e) {
            // anything escaping a periodic task cancels it for good, silently; claims of the failed round expire
            // like a crashed node's and are retried
            LOG.error("A round of the {} failed with an error; retrying at the next poll", job, e);
        }
    }

    /** Stops for good, waiting (up to 30 s) for a running round. Idempotent. */
    void stop() {
        ScheduledExecutorService running;
        synchronized (lifecycle) {
            closed = true;
            stopping = true;
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
