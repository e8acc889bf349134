package org.leadmanager;

import org.leadmanager.domain.lead.Lead;

/**
 * Outcome of qualifying one contact.
 *
 * @param lead    the new lead, or the existing one
 * @param created false when the contact already was a lead of the project
 */
public record QualifyResult(Lead lead, boolean created) {
}
