package org.leadmanager.inmemory;

import java.util.Comparator;
import java.util.function.Function;

/** Name comparison shared by the repositories that order or deduplicate by name. */
final class Names {

    private Names() {
    }

    /**
     * The name folded so that two names equal ignoring case (as {@link String#equalsIgnoreCase}) fold to the same
     * string: each code point upper- then lower-cased, as {@code equalsIgnoreCase} compares them.
     */
    static String fold(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    /** "Ordered by name": ignoring case first, then exactly, so the order is total for distinct names. */
    static <T> Comparator<T> byName(Function<T, String> name) {
        return Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER).thenComparing(name);
    }
}
