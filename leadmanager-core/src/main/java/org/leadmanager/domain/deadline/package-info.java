/**
 * First-response deadlines: the {@link org.leadmanager.domain.deadline.BusinessCalendar} working time is measured on
 * and a project's {@link org.leadmanager.domain.deadline.FirstResponsePolicy}. Pure values and functions; when a
 * lead's clock starts and stops is derived from its events ({@code org.leadmanager.domain.event.ResponseClock}),
 * and breaches are escalated by the {@code org.leadmanager.EscalationDispatcher}.
 */
package org.leadmanager.domain.deadline;
