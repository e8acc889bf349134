/**
 * Follow-ups (Wiedervorlage): dated reminders on a lead, and the reminder state the dispatcher works with.
 */
package org.leadmanager.domain.followup;
