package org.leadmanager.domain.project;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stable key of a status within its project, e.g. {@code contacted}. Labels may change, keys do not.
 *
 * @param value 1 to 40 characters of {@code a-z 0-9 _ -}, starting with a letter or digit
 */
public record StatusKey(String value) implements Serializable {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    /** @throws org.leadmanager.error.ValidationException if the value does not have the documented form */
    public StatusKey {
        Objects.requireNonNull(value, "StatusKey must not be null");
        if (!FORM.matcher(value).matches()) {
            throw org.leadmanager.error.ValidationException.of("StatusKey", "Pattern",
                    "must be 1-40 characters of a-z, 0-9, '_' or '-', starting with a letter or digit, was '"
                            + org.leadmanager.domain.Text.clean(value) + "'",
                    "pattern", FORM.pattern());
        }
    }

    /** Shorthand for {@code new StatusKey(value)}. */
    public static StatusKey of(String value) {
        return new StatusKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
