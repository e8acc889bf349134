package org.leadmanager.domain;

import java.util.Objects;
import org.leadmanager.error.ValidationException;

/** Shared checks for identifier and value records. Not API. */
final class Ids {
    static final int MAX_KEY_LENGTH = 64;

    private Ids() {
    }

    static String key(String value, String what) {
        Objects.requireNonNull(value, () -> what + " must not be null");
        if (value.isBlank()) {
            throw ValidationException.of(what, "NotBlank", "must not be blank");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw ValidationException.of(what, "Size", "must be at most " + MAX_KEY_LENGTH + " characters, was "
                    + value.length(), "min", 1, "max", MAX_KEY_LENGTH);
        }
        return Text.checked(value, what);
    }
}
