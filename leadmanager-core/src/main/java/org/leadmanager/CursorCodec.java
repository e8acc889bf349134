package org.leadmanager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.Times;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;

/** Opaque page cursors: the sort they belong to and the keyset of the last lead, URL-safe. */
final class CursorCodec {
    private static final String VERSION = "c1";

    private CursorCodec() {
    }

    static String encode(LeadSort sort, Keyset keyset) {
        Object value = keyset.value();
        String typed;
        if (value instanceof Instant instant) {
            typed = "I|" + instant.getEpochSecond() + "." + instant.getNano();
        } else if (value instanceof Integer position) {
            typed = "N|" + position;
        } else {
            typed = "S|" + value;
        }
        String raw = VERSION + "|" + sort.field() + "|" + (sort.descending() ? "D" : "A") + "|" + keyset.id() + "|"
                + typed;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException if the cursor is malformed or was made for another sort */
    static Keyset decode(String cursor, LeadSort sort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 6);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor of this library");
        }
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            throw invalid("is not a cursor of this library");
        }
        if (!parts[1].equals(sort.field().name()) || !parts[2].equals(sort.descending() ? "D" : "A")) {
            throw invalid("belongs to another sort (" + parts[1] + " " + parts[2] + "), not " + sort);
        }
        try {
            LeadId id = LeadId.parse(parts[3]);
            Object value = switch (parts[4]) {
                case "I" -> {
                    String[] t = parts[5].split("\\.", 2);
                    Instant instant = Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]));
                    if (!Times.supported(instant) || instant.getNano() % 1000 != 0) {
                        throw invalid("is damaged");
                    }
                    yield instant;
                }
                case "N" -> Integer.valueOf(parts[5]);
                case "S" -> {
                    if (Text.firstForbidden(parts[5]) >= 0) {
                        throw invalid("is damaged");
                    }
                    yield parts[5];
                }
                default -> throw invalid("has an unknown value type");
            };
            if (sort.field() == SortField.NAME != value instanceof String
                    || sort.field() == SortField.STATUS_ORDER != value instanceof Integer) {
                throw invalid("does not fit its sort");
            }
            return new Keyset(value, id);
        } catch (RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw invalid("is damaged");
        }
    }

    private static ValidationException invalid(String why) {
        return ValidationException.of("cursor", "Cursor", "cursor " + why, "reason", why);
    }
}
