package org.leadmanager.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.leadmanager.error.ValidationException;

/**
 * The instants every store can hold: from {@link #EARLIEST} to {@link #LATEST}, to the microsecond. (MariaDB's
 * {@code datetime(6)} spans the years 1000 to 9999; a year of margin on each side keeps time-zone conversions
 * inside it.) Search criteria and cursors outside this range are refused with a {@code TimeRange} violation.
 */
public final class Times {
    /** The earliest instant a store holds: 1001-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("1001-01-01T00:00:00Z");
    /** The latest instant a store holds: 9998-12-31T23:59:59.999999Z. */
    public static final Instant LATEST = Instant.parse("9998-12-31T23:59:59.999999Z");

    private Times() {
    }

    /** Whether the instant lies in the supported range. */
    public static boolean supported(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * The instant to the microsecond, if supported; null stays null.
     *
     * @throws ValidationException ({@code TimeRange}) otherwise
     */
    public static Instant checked(Instant instant, String path) {
        if (instant == null) {
            return null;
        }
        if (!supported(instant)) {
            throw new ValidationException(java.util.List.of(violation(path, instant)));
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The {@code TimeRange} violation for an instant outside the range. */
    public static ValidationException.Violation violation(String path, Instant instant) {
        return new ValidationException.Violation(path, "TimeRange",
                ValidationException.args("min", EARLIEST, "max", LATEST),
                "must be between " + EARLIEST + " and " + LATEST + ", was " + instant);
    }
}
