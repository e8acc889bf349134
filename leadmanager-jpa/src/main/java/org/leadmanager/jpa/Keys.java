package org.leadmanager.jpa;

import java.util.Locale;

/** The derived text columns that let SQL compare like the library's Java reference semantics. */
final class Keys {

    private Keys() {
    }

    /**
     * Lower case in the root locale, as {@code ContactCard.sortName()} and the text criterion use it: the column
     * for substring search and the NAME sort.
     */
    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * Each code point upper- then lower-cased: two texts fold to the same string exactly when
     * {@link String#equalsIgnoreCase} holds, so equality of folds is equality ignoring case.
     */
    static String fold(String text) {
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
