package org.leadmanager.domain.tally;

import java.util.Objects;
import org.leadmanager.domain.Text;
import org.leadmanager.error.ValidationException;

/**
 * Which kept number of a project a {@link TallyKey} belongs to. The lead tallies count a project's leads as they
 * are now; other kept numbers of a project (such as a funnel's) are further tallies of the same mechanism.
 *
 * @param name 1 to 16 characters of {@code a-z 0-9 _}, starting with a letter: it is stored as it is
 */
public record Tally(String name) {

    /** Leads per status: key the status, no sub-key. */
    public static final Tally STATUS = new Tally("status");
    /** Assigned leads per owner and status: key the owner (a user id), sub-key the status. */
    public static final Tally OWNER = new Tally("owner");

    /** @throws ValidationException if the name does not have the documented form */
    public Tally {
        Objects.requireNonNull(name, "name");
        boolean wellFormed = !name.isEmpty() && name.length() <= 16 && name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
        for (int i = 0; wellFormed && i < name.length(); i++) {
            char c = name.charAt(i);
            wellFormed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        if (!wellFormed) {
            throw ValidationException.of("Tally", "Pattern", "must be 1-16 characters of a-z, 0-9 or '_', starting"
                    + " with a letter, was '" + Text.clean(name) + "'", "pattern", "[a-z][a-z0-9_]{0,15}");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
