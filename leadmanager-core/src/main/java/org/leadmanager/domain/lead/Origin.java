package org.leadmanager.domain.lead;

import java.util.Objects;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.UserId;

/**
 * Why a lead exists.
 *
 * @param kind      how it was qualified, non-null
 * @param reference the group or action id for GROUP and ACTION, else null
 * @param by        the user who qualified it (the system user for automatic qualification), non-null
 */
public record Origin(OriginKind kind, String reference, UserId by) {

    public Origin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        if ((kind == OriginKind.MANUAL) != (reference == null)) {
            throw new IllegalArgumentException("reference is required for GROUP and ACTION and absent for MANUAL");
        }
    }

    public static Origin manual(UserId by) {
        return new Origin(OriginKind.MANUAL, null, by);
    }

    public static Origin group(ContactGroupId group, UserId by) {
        return new Origin(OriginKind.GROUP, group.value(), by);
    }

    public static Origin action(MarketingActionId action, UserId by) {
        return new Origin(OriginKind.ACTION, action.toString(), by);
    }
}
