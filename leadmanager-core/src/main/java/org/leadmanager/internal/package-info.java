/**
 * Application services behind the {@code LeadManager} facade: access checks, units of work, event recording.
 * Not API: may change in any release.
 */
package org.leadmanager.internal;
