package org.leadmanager.domain;

import org.leadmanager.ValidationException;

/** Checks for free text held by aggregates; the API edge checks the same limits first. */
public final class Text {
    /** Longest project, status or saved-search name. */
    public static final int MAX_NAME = 200;
    /** Longest note, follow-up note or disqualification reason. */
    public static final int MAX_NOTE = 10_000;

    private Text() {
    }

    /**
     * Returns the trimmed text.
     *
     * @throws ValidationException if null, blank or longer than max
     */
    public static String required(String value, String path, int max) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(path, "must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw ValidationException.of(path, "size must be between 1 and " + max);
        }
        return trimmed;
    }
}
