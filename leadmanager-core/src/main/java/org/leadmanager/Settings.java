package org.leadmanager;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.leadmanager.domain.Text;

/** Checks shared by the options of the background jobs (reminder dispatcher, event relay). */
final class Settings {

    private Settings() {
    }

    /** A node id of the default form: {@code node-} and 8 random characters. */
    static String randomNodeId() {
        return "node-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * @throws NullPointerException if the id is null
     * @throws IllegalArgumentException unless it is 1 to 200 storable characters (every store records it with each
     *         claim, in a column of 200 characters)
     */
    static void checkNodeId(String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank() || nodeId.length() > 200 || Text.firstForbidden(nodeId) >= 0) {
            throw new IllegalArgumentException("nodeId must be 1 to 200 characters without NUL, lone surrogates"
                    + " or non-characters");
        }
    }

    /** @throws IllegalArgumentException with the message unless ok */
    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The pause before the next attempt after {@code attempt} failed ones: {@code first}, doubled for each further
     * attempt, capped at one hour.
     */
    static Duration backoff(Duration first, int attempt) {
        Duration max = Duration.ofHours(1);
        Duration pause = first;
        for (int i = 1; i < attempt && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
