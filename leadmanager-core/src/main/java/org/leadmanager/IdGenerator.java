package org.leadmanager;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7 layout): new rows land at the end of B-tree indexes instead of at random places,
 * which keeps bulk inserts fast. 74 random bits per millisecond keep them unique.
 */
final class IdGenerator {
    private final Clock clock;

    IdGenerator(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
