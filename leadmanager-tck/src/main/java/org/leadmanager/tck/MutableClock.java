package org.leadmanager.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test sets or advances it, so every stamp and every "now" in the kit is known in
 * advance. Thread-safe; copies made by {@link #withZone} share the same time.
 */
public final class MutableClock extends Clock {
    /** Where every fixture's clock starts: a Monday morning, UTC. */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@link #START}. */
    public MutableClock() {
        this(START);
    }

    /** A clock at the given instant, in UTC. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, Objects.requireNonNull(other, "zone"));
    }

    /** Moves the clock to an instant (also backwards). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock forward.
     *
     * @return the new time
     */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        return now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
