package org.leadmanager.domain.project;

import org.leadmanager.domain.Text;
import org.leadmanager.error.ValidationException;

/**
 * One entry of a project's list of reasons to disqualify a lead ("Zu teuer", "Kein Bedarf"). A disqualification
 * whose text makes the same {@link #key} is this reason (and is stored with its label); any other text is a free
 * reason. Both are counted by their key in the funnel.
 *
 * @param label 1 to 200 characters on one line, with at least one letter or digit of {@code a-z 0-9} once folded
 *              (see {@link StatusKey#fromLabel})
 */
public record LostReason(String label) {

    /** @throws ValidationException if the label is blank, too long, holds a line break or no letter or digit */
    public LostReason {
        label = Text.required(label, "label", Text.MAX_NAME);
        if (label.indexOf('\n') >= 0 || label.indexOf('\r') >= 0) {
            throw ValidationException.of("label", "SingleLine", "must be one line, was '" + Text.clean(label) + "'");
        }
        try {
            StatusKey.fromLabel(label);
        } catch (ValidationException noKey) {
            throw ValidationException.of("label", "Pattern", "needs a letter or digit a-z, 0-9 (once accents are"
                    + " dropped) to make its key, '" + Text.clean(label) + "' has none");
        }
    }

    /** The key the reason is counted by: {@link StatusKey#fromLabel} of its label. */
    public String key() {
        return StatusKey.fromLabel(label).value();
    }
}
