package org.leadmanager.domain.contact;

import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.Text;

/**
 * Snapshot of a host contact as the lead manager shows it. Refreshed from the host on request. Text is trimmed and
 * {@linkplain Text#clean cleaned} of what no store can hold (NUL removed, lone surrogates and non-characters
 * replaced by U+FFFD), so any card the host builds can be stored; blank optional fields become null.
 *
 * @param name        display name, non-blank, at most 200 characters
 * @param email       nullable, at most 200 characters
 * @param phone       nullable, at most 200 characters
 * @param company     nullable, at most 200 characters
 * @param city        nullable, at most 200 characters
 * @param detailsLink where the host shows and edits the contact ("Kundendetails"); nullable, at most 2000 characters
 */
public record ContactCard(String name, String email, String phone, String company, String city, String detailsLink) {

    public ContactCard {
        name = Text.required(Text.clean(name), "ContactCard.name", Text.MAX_NAME);
        email = optional(email, "ContactCard.email", Text.MAX_NAME);
        phone = optional(phone, "ContactCard.phone", Text.MAX_NAME);
        company = optional(company, "ContactCard.company", Text.MAX_NAME);
        city = optional(city, "ContactCard.city", Text.MAX_NAME);
        detailsLink = optional(detailsLink, "ContactCard.detailsLink", 2000);
    }

    /** A card with a name only. */
    public static ContactCard named(String name) {
        return new ContactCard(name, null, null, null, null, null);
    }

    /**
     * The name folded for sorting: lower case, root locale ({@link CaseFolding#lower}); may be up to
     * {@link CaseFolding#LOWER_GROWTH} times as long as the name.
     */
    public String sortName() {
        return CaseFolding.lower(name);
    }

    private static String optional(String value, String path, int max) {
        String clean = Text.clean(value);
        if (clean == null || clean.isBlank()) {
            return null;
        }
        String trimmed = clean.strip();
        if (trimmed.length() > max) {
            throw ValidationException.of(path, "Size", "size must be at most " + max, "min", 0, "max", max);
        }
        return trimmed;
    }
}
