package org.leadmanager.domain.lead;

import org.leadmanager.domain.contact.ContactCard;
import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.StatusKey;

/**
 * One contact qualified for one project. Immutable: every change returns a new instance with the same version;
 * the store checks and bumps the version on update. Refers to its project and contact by id only.
 */
public final class Lead {
    private final LeadId id;
    private final TenantId tenant;
    private final ProjectId project;
    private final ContactId contact;
    private final ContactCard card;
    private final StatusKey status;
    private final UserId assignee;
    private final Origin origin;
    private final OwnerReason ownerReason;
    private final String lostReason;
    private final Instant createdAt;
    private final Instant lastActivityAt;
    private final Instant nextFollowUpAt;
    private final long version;

    private Lead(LeadId id, TenantId tenant, ProjectId project, ContactId contact, ContactCard card, StatusKey status,
            UserId assignee, Origin origin, OwnerReason ownerReason, String lostReason, Instant createdAt,
            Instant lastActivityAt, Instant nextFollowUpAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.project = Objects.requireNonNull(project, "project");
        this.contact = Objects.requireNonNull(contact, "contact");
        this.card = Objects.requireNonNull(card, "card");
        this.status = Objects.requireNonNull(status, "status");
        this.assignee = assignee;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.ownerReason = Objects.requireNonNull(ownerReason, "ownerReason");
        this.lostReason = lostReason;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastActivityAt = Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        this.nextFollowUpAt = nextFollowUpAt;
        this.version = version;
    }

    /** A new lead on the project's default (or given) status. */
    public static Lead qualify(LeadId id, TenantId tenant, ProjectId project, ContactId contact, ContactCard card,
            StatusKey status, Origin origin, UserId assignee, OwnerReason ownerReason, Instant now) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, null, now, now,
                null, 0);
    }

    /** Rebuilds a stored lead; for store adapters. */
    public static Lead reconstitute(LeadId id, TenantId tenant, ProjectId project, ContactId contact,
            ContactCard card, StatusKey status, UserId assignee, Origin origin, OwnerReason ownerReason,
            String lostReason, Instant createdAt, Instant lastActivityAt, Instant nextFollowUpAt, long version) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, lastActivityAt, nextFollowUpAt, version);
    }

    /** Same lead with the version the store assigned. */
    public Lead withVersion(long newVersion) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, lastActivityAt, nextFollowUpAt, newVersion);
    }

    /** Assigned to a user, or unassigned when {@code user} is null. */
    public Lead assignedTo(UserId user, OwnerReason reason, Instant now) {
        return new Lead(id, tenant, project, contact, card, status, user, origin, reason, lostReason, createdAt,
                now, nextFollowUpAt, version);
    }

    /** On another status; {@code reason} is kept for LOST statuses and cleared otherwise. */
    public Lead withStatus(StatusKey newStatus, String reason, Instant now) {
        return new Lead(id, tenant, project, contact, card, newStatus, assignee, origin, ownerReason, reason,
                createdAt, now, nextFollowUpAt, version);
    }

    /** With a refreshed contact card. */
    public Lead withCard(ContactCard newCard, Instant now) {
        return new Lead(id, tenant, project, contact, newCard, status, assignee, origin, ownerReason, lostReason,
                createdAt, now, nextFollowUpAt, version);
    }

    /** Moved to another contact (after a host merge). */
    public Lead withContact(ContactId newContact, ContactCard newCard, Instant now) {
        return new Lead(id, tenant, project, newContact, newCard, status, assignee, origin, ownerReason, lostReason,
                createdAt, now, nextFollowUpAt, version);
    }

    /** Something happened on the lead (note, follow-up, ...). */
    public Lead touched(Instant now) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, now, nextFollowUpAt, version);
    }

    /** With the due time of its earliest open follow-up, or null when it has none. */
    public Lead withNextFollowUpAt(Instant due) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, lastActivityAt, due, version);
    }

    public LeadId id() { return id; }
    public TenantId tenant() { return tenant; }
    public ProjectId project() { return project; }
    public ContactId contact() { return contact; }
    public ContactCard card() { return card; }
    public StatusKey status() { return status; }
    /** The owner, or null when unassigned. */
    public UserId assignee() { return assignee; }
    /** Why the lead exists. */
    public Origin origin() { return origin; }
    /** Why the lead has its owner. */
    public OwnerReason ownerReason() { return ownerReason; }
    /** Reason given when disqualified, else null. */
    public String lostReason() { return lostReason; }
    public Instant createdAt() { return createdAt; }
    public Instant lastActivityAt() { return lastActivityAt; }
    /** Due time of the earliest open follow-up, or null. */
    public Instant nextFollowUpAt() { return nextFollowUpAt; }
    public long version() { return version; }

    @Override
    public String toString() {
        return "Lead[" + id + " project=" + project + " contact=" + contact + " status=" + status + " assignee="
                + assignee + " v" + version + "]";
    }
}
