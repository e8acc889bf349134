package org.leadmanager.domain;

/** What a caller is in the tenant; the {@code AccessPolicy} decides what each role may do. */
public enum Role {
    /** Sees and changes everything of the tenant, configures projects. */
    MANAGER,
    /** Works leads of the projects whose team they are in. */
    AGENT,
    /** The host itself acting on behalf of no user (group sync, marketing responses, reminders). */
    SYSTEM
}
