/**
 * Leads (a contact qualified for a project), their contact card snapshot, origin and owner reason, internal
 * notes and the timeline of activities.
 */
package org.leadmanager.domain.lead;
