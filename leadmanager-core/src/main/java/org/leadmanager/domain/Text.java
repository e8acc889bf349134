package org.leadmanager.domain;

import org.leadmanager.error.ValidationException;

/**
 * The rules for text the library stores: limits, and which characters no store can hold.
 *
 * <p>Text must be well-formed Unicode without NUL (U+0000) and without non-characters (U+FDD0 to U+FDEF and the
 * last two code points of every plane, such as U+FFFE): PostgreSQL refuses NUL, and the others cannot be exchanged
 * reliably. Text the caller passes to the API is refused with a {@code Characters} violation; text the host hands
 * over in a {@code ContactCard} is {@linkplain #clean cleaned} instead.
 */
public final class Text {
    /** Longest project, status or saved-search name, and longest contact card field but the link. */
    public static final int MAX_NAME = 200;
    /** Longest note, follow-up note or disqualification reason. */
    public static final int MAX_NOTE = 10_000;

    private static final char REPLACEMENT = '\uFFFD';

    private Text() {
    }

    /**
     * Returns the trimmed text.
     *
     * @throws ValidationException if null or blank ({@code NotBlank}), longer than max ({@code Size}) or holding a
     *                             character no store can hold ({@code Characters})
     */
    public static String required(String value, String path, int max) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(path, "NotBlank", "must not be blank");
        }
        String trimmed = checked(value, path).strip();
        if (trimmed.length() > max) {
            throw ValidationException.of(path, "Size", "must be 1 to " + max + " characters", "min", 1, "max", max);
        }
        return trimmed;
    }

    /**
     * Returns the value unchanged if every character can be stored.
     *
     * @param value nullable
     * @throws ValidationException ({@code Characters}) otherwise
     */
    public static String checked(String value, String path) {
        int bad = firstForbidden(value);
        if (bad >= 0) {
            throw forbidden(path, value, bad);
        }
        return value;
    }

    /** The violation for the forbidden character at {@code index} of {@code value}. */
    public static ValidationException.Violation violation(String path, String value, int index) {
        int cp = value.codePointAt(index);
        String hex = String.format("U+%04X", cp);
        return new ValidationException.Violation(path, "Characters",
                ValidationException.args("index", index, "codePoint", hex),
                "must not contain " + describe(cp) + " (" + hex + " at index " + index + ")");
    }

    private static ValidationException forbidden(String path, String value, int index) {
        return new ValidationException(java.util.List.of(violation(path, value, index)));
    }

    /** The char index of the first character no store can hold, or -1 if there is none (or value is null). */
    public static int firstForbidden(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    if (isNonCharacter(value.codePointAt(i))) {
                        return i;
                    }
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || isNonCharacter(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text without what no store can hold: NUL removed, lone surrogates and non-characters replaced by
     * U+FFFD. Returns the same instance when nothing needed cleaning; null stays null.
     */
    public static String clean(String value) {
        if (firstForbidden(value) < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = value.codePointAt(i);
                if (isNonCharacter(cp)) {
                    out.append(REPLACEMENT);
                } else {
                    out.appendCodePoint(cp);
                }
                i++;
            } else if (Character.isSurrogate(c) || isNonCharacter(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a store can hold the code point: not NUL, not a surrogate on its own, not a non-character. */
    public static boolean storable(int codePoint) {
        return codePoint != 0 && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
                && !isNonCharacter(codePoint);
    }

    private static boolean isNonCharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String describe(int cp) {
        if (cp == 0) {
            return "NUL";
        }
        return Character.isSurrogate((char) cp) && cp <= 0xFFFF ? "a lone surrogate" : "a non-character";
    }
}
