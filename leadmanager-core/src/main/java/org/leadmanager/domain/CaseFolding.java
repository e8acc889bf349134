package org.leadmanager.domain;

import java.util.Locale;

/**
 * The two ways the library compares texts ignoring case, and how long their results can get, so that a store
 * keeping them as derived columns can size the columns for whatever valid input becomes.
 *
 * <ul>
 *   <li>{@link #lower}: lower case in the root locale. The NAME sort ({@code ContactCard.sortName}) compares
 *       these; the text criterion folds further, into words ({@code SearchWords}). It can lengthen a text: U+0130 'İ' becomes "i̇"
 *       (i and U+0307, a combining dot), so the result is at most {@link #LOWER_GROWTH} times as long.</li>
 *   <li>{@link #fold}: each code point upper- then lower-cased, so two texts fold alike exactly when
 *       {@link String#equalsIgnoreCase} holds (contact field equality, unique project names). It maps code point
 *       to code point and keeps the length.</li>
 * </ul>
 *
 * Lengths hold in UTF-16 units (what the library's size limits count, and H2) and in code points (what PostgreSQL
 * and MariaDB count), so a store sizes a column of lower-cased texts of at most {@code n} characters
 * {@code LOWER_GROWTH * n}, and one of folded texts {@code n}.
 */
public final class CaseFolding {
    /**
     * How many times longer {@link #lower} can make a text, in UTF-16 units and in code points: 2 (only U+0130
     * grows, to two).
     */
    public static final int LOWER_GROWTH = 2;

    private CaseFolding() {
    }

    /** Lower case in the root locale; null for null. At most {@link #LOWER_GROWTH} times as long as the text. */
    public static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * Each code point upper- then lower-cased; null for null. Two texts fold to the same string exactly when
     * {@link String#equalsIgnoreCase} holds. As long as the text, in UTF-16 units and in code points.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        if (isAscii(text)) {
            // for ASCII, upper- then lower-casing is lower-casing; the bulk paths fold five texts per lead
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
