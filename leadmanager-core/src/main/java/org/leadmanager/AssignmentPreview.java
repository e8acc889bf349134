package org.leadmanager;

import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OwnerReason;

/**
 * Who would own a contact's new lead.
 *
 * @param contact     the contact
 * @param assignee    the would-be owner; null for unassigned
 * @param reason      why
 * @param alreadyLead true if the contact is a lead already (its owner would not change)
 */
public record AssignmentPreview(ContactId contact, UserId assignee, OwnerReason reason, boolean alreadyLead) {
}
