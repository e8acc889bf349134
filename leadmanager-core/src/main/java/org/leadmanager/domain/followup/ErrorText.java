package org.leadmanager.domain.followup;

/**
 * The text kept of a failed reminder attempt ({@link FollowUp#lastError()}), made storable whatever the error said:
 * a notifier's exception message is the host's (or its mail server's) text, and a store that refused it would leave
 * the attempt unrecorded.
 *
 * <p>Characters no text column of a supported database takes, or that no encoding represents, each become U+FFFD:
 * C0 controls other than tab, line feed and carriage return (PostgreSQL refuses NUL), lone surrogates (no UTF-8 form)
 * and non-characters. The result is at most {@link FollowUp#MAX_ERROR} UTF-16 chars, so at most as many code points
 * and at most three UTF-8 bytes per char; every schema's {@code last_error} column holds more (H2
 * {@code varchar(1000000)} counts chars, PostgreSQL {@code text} is unbounded, MariaDB {@code mediumtext} holds 16 MB).
 * Longer text is cut, never between the two halves of a surrogate pair, and ends with "…".
 */
public final class ErrorText {
    private static final char REPLACEMENT = '\uFFFD';
    private static final char CUT = '\u2026';

    private ErrorText() {
    }

    /**
     * The exception's class name and message ({@code java.io.IOException: connection refused}), storable; the class
     * name alone when the message is null, blank or cannot be read.
     *
     * @param error not null
     * @return never null or blank
     */
    public static String of(Throwable error) {
        String name = error.getClass().getName();
        String message;
        try {
            message = error.getLocalizedMessage();
        } catch (RuntimeException unreadable) {
            message = null;
        }
        return storable(message == null || message.isBlank() ? name : name + ": " + message);
    }

    /**
     * The text with every character a database may refuse replaced by U+FFFD, cut to {@link FollowUp#MAX_ERROR}
     * chars.
     *
     * @param text null gives null
     */
    public static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), FollowUp.MAX_ERROR + 1));
        for (int i = 0; i < text.length() && kept.length() <= FollowUp.MAX_ERROR; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            kept.appendCodePoint(storable(c) ? c : REPLACEMENT);
        }
        if (kept.length() > FollowUp.MAX_ERROR) {
            int end = FollowUp.MAX_ERROR - 1;
            // kept has no lone surrogate, so a high one before the cut is the first half of a pair
            if (Character.isHighSurrogate(kept.charAt(end - 1))) {
                end--;
            }
            kept.setLength(end);
            kept.append(CUT);
        }
        return kept.toString();
    }

    private static boolean storable(int c) {
        if (c < ' ') {
            return c == '\t' || c == '\n' || c == '\r';
        }
        // codePointAt returns a surrogate only when it is not part of a pair
        return org.leadmanager.domain.Text.storable(c);
    }
}
