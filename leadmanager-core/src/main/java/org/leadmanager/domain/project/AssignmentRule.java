package org.leadmanager.domain.project;

import java.util.Locale;
import java.util.Objects;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;

/**
 * A criteria rule, e.g. "city = Berlin → user 7". Matches when the card's field equals the value, ignoring case.
 *
 * @param name     shown as the reason of the assignment, non-blank
 * @param field    the card field to look at, non-null
 * @param value    the value to compare with, non-blank
 * @param assignee who gets the lead, non-null
 */
public record AssignmentRule(String name, ContactField field, String value, UserId assignee) {

    public AssignmentRule {
        name = Text.required(name, "name", Text.MAX_NAME);
        Objects.requireNonNull(field, "field must not be null");
        value = Text.required(value, "value", Text.MAX_NAME);
        Objects.requireNonNull(assignee, "assignee must not be null");
    }

    /** Whether the card matches this rule. */
    public boolean matches(ContactCard card) {
        String actual = field.of(card);
        return actual != null && actual.strip().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
    }
}
