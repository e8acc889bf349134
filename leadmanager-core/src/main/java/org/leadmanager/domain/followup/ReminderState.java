package org.leadmanager.domain.followup;

/** Where the reminder of an open follow-up stands. */
public enum ReminderState {
    /** Not yet fired; claimable from {@code claimableAt}. */
    PENDING,
    /** Claimed by a dispatcher until {@code claimableAt} (the lease end); claimable again after that. */
    CLAIMED,
    /** The notifier was called successfully. */
    FIRED,
    /** The notifier failed on every attempt; listed by {@code FollowUps.failedReminders}. */
    FAILED
}
