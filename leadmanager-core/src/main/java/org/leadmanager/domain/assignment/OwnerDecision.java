package org.leadmanager.domain.assignment;

import java.util.Objects;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;

/**
 * Who owns a new lead and why.
 *
 * @param assignee the owner, null when the lead stays unassigned
 * @param reason   why, non-null; {@link OwnerReasonKind#UNASSIGNED} exactly when {@code assignee} is null
 */
public record OwnerDecision(UserId assignee, OwnerReason reason) {

    public OwnerDecision {
        Objects.requireNonNull(reason, "reason");
        if ((assignee == null) != (reason.kind() == OwnerReasonKind.UNASSIGNED)) {
            throw new IllegalArgumentException("owner reason " + reason.kind() + " does not fit user " + assignee);
        }
    }

    /** The lead stays unassigned; {@code by} decided that. */
    public static OwnerDecision unassigned(UserId by) {
        return new OwnerDecision(null, OwnerReason.unassigned(by));
    }

    /** The user gets the lead for a reason of the given kind, with no detail. */
    static OwnerDecision to(UserId user, OwnerReasonKind kind, UserId by) {
        return new OwnerDecision(user, new OwnerReason(kind, null, by));
    }

    /** The user gets the lead for a reason of the given kind, with a detail of at most 200 characters. */
    static OwnerDecision to(UserId user, OwnerReasonKind kind, String detail, UserId by) {
        return new OwnerDecision(user, new OwnerReason(kind, detail, by));
    }
}
