package org.leadmanager.domain.search;

/** What a lead list can be sorted by; ties are broken by lead id in the same direction. */
public enum SortField {
    /** {@code Lead.lastActivityAt()}. */
    LAST_ACTIVITY,
    /** {@code Lead.createdAt()}. */
    CREATED,
    /** The contact name, case-folded ({@code ContactCard.sortName()}). */
    NAME,
    /** The position of the lead's status in the project's status list. */
    STATUS_ORDER
}
