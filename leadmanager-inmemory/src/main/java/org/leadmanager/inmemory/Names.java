package org.leadmanager.inmemory;

import java.util.Comparator;
import java.util.function.Function;

/** Name order shared by the repositories that list by name. */
final class Names {

    private Names() {
    }

    /** "Ordered by name": ignoring case first, then exactly, so the order is total for distinct names. */
    static <T> Comparator<T> byName(Function<T, String> name) {
        return Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER).thenComparing(name);
    }
}
