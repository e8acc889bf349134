/**
 * Identifiers and values shared by all aggregates: tenants, users, contacts and the ids of the library's own
 * aggregates. All are immutable records that validate themselves.
 */
package org.leadmanager.domain;
