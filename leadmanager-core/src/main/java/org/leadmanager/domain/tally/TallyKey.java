package org.leadmanager.domain.tally;

import java.util.Objects;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.StatusKey;

/**
 * One kept number of a project: its tally and its key within it.
 *
 * @param tally which tally, non-null
 * @param key   the key within the tally, non-null, 1 to 100 characters (a status key, a user id)
 * @param sub   a second key part for tallies keyed by two values, else null; 1 to 100 characters
 */
public record TallyKey(Tally tally, String key, String sub) {

    /** Longest key part a store must keep. */
    public static final int MAX_PART = 100;

    /** @throws ValidationException if a key part is empty or longer than {@value #MAX_PART} characters */
    public TallyKey {
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(key, "key");
        requirePart(key, "TallyKey.key");
        if (sub != null) {
            requirePart(sub, "TallyKey.sub");
        }
    }

    private static void requirePart(String part, String path) {
        if (part.isEmpty() || part.length() > MAX_PART) {
            throw ValidationException.of(path, "Size", "must have 1-" + MAX_PART + " characters, had "
                    + part.length(), "min", 1, "max", MAX_PART);
        }
    }

    /** The {@link Tally#STATUS} entry of a status. */
    public static TallyKey status(StatusKey status) {
        return new TallyKey(Tally.STATUS, status.value(), null);
    }

    /** The {@link Tally#OWNER} entry of an owner and a status. */
    public static TallyKey owner(UserId owner, StatusKey status) {
        return new TallyKey(Tally.OWNER, owner.value(), status.value());
    }
}
