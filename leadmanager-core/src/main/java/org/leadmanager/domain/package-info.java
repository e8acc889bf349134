/**
 * Identifiers and values shared by all aggregates: tenants, users, contacts and the ids of the library's own
 * aggregates. All are immutable records that validate themselves. Beside them, the rules for free text: its size
 * limits ({@link org.leadmanager.domain.Text}) and how texts compare ignoring case
 * ({@link org.leadmanager.domain.CaseFolding}).
 *
 * <p><b>How the aggregates change.</b> {@code Lead}, {@code FollowUp} and {@code Project} decide their own
 * transitions. A command is a method on the aggregate that checks the aggregate's rules and either returns the new
 * state (the same instance when the command changes nothing, e.g. moving a lead to the status it is on) or refuses
 * by throwing one of the library's typed exceptions from {@code org.leadmanager.error}: a
 * {@code ValidationException} for input the rules reject (unknown status, LOST without a reason, a due time in the
 * past), a {@code ConflictException} for a command the current state forbids (a transition the project does not
 * allow, changing a closed follow-up), an {@code AccessDeniedException} for a rule about who may act (only a note's
 * author edits it). A refused command changes nothing. The events of a command are named beside it in
 * {@code org.leadmanager.domain.event} ({@code LeadChanges}, {@code FollowUpChanges}, {@code ProjectChanges}), which
 * run the command and answer a {@code Changed}: the new state and its events, or no events when nothing changed.
 * A lead's timeline entries are derived from those events ({@code Timeline}), never written beside them.
 * Application services only load, check access, ask the aggregate, save and record.
 */
package org.leadmanager.domain;
