/**
 * Identifiers and values shared by all aggregates: tenants, users, contacts and the ids of the library's own
 * aggregates. All are immutable records that validate themselves. Beside them, the rules for free text: its size
 * limits ({@link org.leadmanager.domain.Text}) and how texts compare ignoring case
 * ({@link org.leadmanager.domain.CaseFolding}).
 */
package org.leadmanager.domain;
