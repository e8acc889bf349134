package org.leadmanager.domain.lead;

import java.util.Objects;
import org.leadmanager.domain.UserId;

/**
 * Why a lead has its current owner.
 *
 * @param kind   non-null
 * @param detail the rule name for RULE, else null
 * @param by     who made the decision: the acting user, or the system user for automatic assignment; non-null
 */
public record OwnerReason(OwnerReasonKind kind, String detail, UserId by) {

    public OwnerReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
    }

    public static OwnerReason unassigned(UserId by) {
        return new OwnerReason(OwnerReasonKind.UNASSIGNED, null, by);
    }

    public static OwnerReason manual(UserId by) {
        return new OwnerReason(OwnerReasonKind.MANUAL, null, by);
    }
}
