package org.leadmanager.domain.lead;

/** Kinds of entries in a lead's timeline. */
public enum ActivityType {
    QUALIFIED,
    ASSIGNED,
    UNASSIGNED,
    STATUS_CHANGED,
    NOTE_ADDED,
    NOTE_EDITED,
    NOTE_DELETED,
    FOLLOW_UP_SCHEDULED,
    FOLLOW_UP_RESCHEDULED,
    FOLLOW_UP_COMPLETED,
    FOLLOW_UP_CANCELLED,
    FOLLOW_UP_REMINDED,
    CARD_REFRESHED,
    MERGED,
    /** The first-response deadline passed; from: the owner, to: who was told. */
    FIRST_RESPONSE_BREACHED
}
