package org.leadmanager.domain.lead;

import org.leadmanager.domain.contact.ContactCard;
import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.LostReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;

/**
 * One contact qualified for one project. Immutable: its commands ({@link #moveTo}, {@link #assign},
 * {@link #refreshCard}, {@link #moveToContact}) check their rules and return the changed lead with the same version,
 * or this lead when nothing changes; the store checks and bumps the version on update. The events a change causes
 * are named by {@code org.leadmanager.domain.event.LeadChanges}. Refers to its contact by id only; its commands
 * take the lead's project, whose status list and transitions they obey.
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
    private final Instant statusSince;
    private final Instant lastActivityAt;
    private final Instant nextFollowUpAt;
    private final long version;
    private final Instant responseDueAt;

    private Lead(LeadId id, TenantId tenant, ProjectId project, ContactId contact, ContactCard card, StatusKey status,
            UserId assignee, Origin origin, OwnerReason ownerReason, String lostReason, Instant createdAt,
            Instant statusSince, Instant lastActivityAt, Instant nextFollowUpAt, long version, Instant responseDueAt) {
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
        this.statusSince = Objects.requireNonNull(statusSince, "statusSince");
        this.lastActivityAt = Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        this.nextFollowUpAt = nextFollowUpAt;
        this.version = version;
        this.responseDueAt = responseDueAt;
    }

    /** A new lead on the project's default (or given) status. */
    public static Lead qualify(LeadId id, TenantId tenant, ProjectId project, ContactId contact, ContactCard card,
            StatusKey status, Origin origin, UserId assignee, OwnerReason ownerReason, Instant now) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, null, now, now, now,
                null, 0, null);
    }

    /** Rebuilds a stored lead; for store adapters. {@code statusSince}: see {@link #statusSince()}. */
    public static Lead reconstitute(LeadId id, TenantId tenant, ProjectId project, ContactId contact,
            ContactCard card, StatusKey status, UserId assignee, Origin origin, OwnerReason ownerReason,
            String lostReason, Instant createdAt, Instant statusSince, Instant lastActivityAt, Instant nextFollowUpAt,
            long version) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, statusSince, lastActivityAt, nextFollowUpAt, version, null);
    }

    /** Same lead with the version the store assigned. */
    public Lead withVersion(long newVersion) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, statusSince, lastActivityAt, nextFollowUpAt, newVersion, responseDueAt);
    }

    /**
     * Gives the lead to a user, or takes it away when {@code user} is null.
     *
     * @param reason why; {@link OwnerReasonKind#UNASSIGNED} exactly when {@code user} is null
     * @return this lead when {@code user} owns it already, else the lead with its new owner
     * @throws IllegalArgumentException if the reason contradicts the user
     */
    public Lead assign(UserId user, OwnerReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if ((user == null) != (reason.kind() == OwnerReasonKind.UNASSIGNED)) {
            throw new IllegalArgumentException("owner reason " + reason.kind() + " does not fit user " + user);
        }
        if (Objects.equals(assignee, user)) {
            return this;
        }
        return new Lead(id, tenant, project, contact, card, status, user, origin, reason, lostReason, createdAt,
                statusSince, now, nextFollowUpAt, version, responseDueAt);
    }

    /**
     * Moves the lead to another status of its project. {@code category} is what the caller asked for: WON to
     * convert, LOST to disqualify (then {@code reason} is required and kept), null for a plain change, which may
     * not reach a LOST status since that needs a reason.
     *
     * @param project   the lead's project, non-null
     * @param requested the target status, or null for the first status of {@code category}
     * @return this lead when it is on the target status already, else the moved lead
     * @throws ValidationException if the status is unknown, its category is not the one asked for, or a LOST
     *                             status is asked for without a reason
     * @throws ConflictException   if the project's transitions do not allow the move
     */
    public Lead moveTo(Project project, StatusKey requested, StatusCategory category, String reason, Instant now) {
        requireOwnProject(project);
        LeadStatus target = requested != null ? project.requireStatus(requested, "status")
                : project.firstOf(category).orElseThrow(() -> ValidationException.of("status", "UnknownStatus",
                        "project '" + project.name() + "' has no " + category + " status", "category", category));
        if (category != null && target.category() != category) {
            throw ValidationException.of("status", "StatusCategory", "'" + target.key() + "' is "
                    + target.category() + ", expected a " + category + " status",
                    "key", target.key(), "category", target.category(), "expected", category);
        }
        if (category == null && target.category() == StatusCategory.LOST) {
            throw ValidationException.of("status", "LostReasonRequired",
                    "'" + target.key() + "' is LOST: use disqualify with a reason", "key", target.key());
        }
        String kept = null;
        if (target.category() == StatusCategory.LOST) {
            String given = Text.required(reason, "reason", Text.MAX_NOTE);
            // a listed reason is kept by its label, whatever case or punctuation it was typed with
            kept = project.lostReasonFor(given).map(LostReason::label).orElse(given);
        }
        if (target.key().equals(status)) {
            return this;
        }
        if (!project.allowsTransition(status, target.key())) {
            throw new ConflictException("project '" + project.name() + "' does not allow moving from '"
                    + status + "' to '" + target.key() + "'; allowed: " + project.transitions().get(status));
        }
        return withStatus(target.key(), kept, now);
    }

    /**
     * Moves the lead off a status its project retired, whatever the transitions say: no lead may stay on a status
     * the project no longer has. On a LOST replacement it keeps its lost reason, or says the status was retired.
     *
     * @param project the project after the retirement, which has {@code replacement} and not {@code retired}
     * @throws IllegalArgumentException if the lead is not on {@code retired} or the project still has it
     */
    public Lead moveOffRetired(Project project, StatusKey retired, StatusKey replacement, Instant now) {
        requireOwnProject(project);
        if (!status.equals(retired) || project.findStatus(retired).isPresent()) {
            throw new IllegalArgumentException("lead " + id + " is on '" + status + "', not on retired '"
                    + retired + "'");
        }
        LeadStatus target = project.requireStatus(replacement, "replacement");
        String kept = target.category() != StatusCategory.LOST ? null
                : lostReason != null ? lostReason : "status '" + retired + "' retired";
        return withStatus(target.key(), kept, now);
    }

    /** The lead with a fresh snapshot of its contact's card. */
    public Lead refreshCard(ContactCard newCard, Instant now) {
        return new Lead(id, tenant, project, contact, Objects.requireNonNull(newCard, "card"), status, assignee,
                origin, ownerReason, lostReason, createdAt, statusSince, now, nextFollowUpAt, version, responseDueAt);
    }

    /**
     * The lead moved to another contact, after the host merged its contact into {@code into}.
     *
     * @throws ValidationException if {@code into} is the lead's contact already
     */
    public Lead moveToContact(ContactId into, ContactCard intoCard, Instant now) {
        if (contact.equals(into)) {
            throw ValidationException.of("into", "SameContact", "must differ from the merged contact " + into,
                    "contact", into);
        }
        return new Lead(id, tenant, project, into, Objects.requireNonNull(intoCard, "card"), status, assignee,
                origin, ownerReason, lostReason, createdAt, statusSince, now, nextFollowUpAt, version, responseDueAt);
    }

    /**
     * The lead on another status with the given lost reason, checking no rule: a copy for stores and their tests.
     * Changes go through {@link #moveTo}.
     */
    public Lead withStatus(StatusKey newStatus, String reason, Instant now) {
        return new Lead(id, tenant, project, contact, card, newStatus, assignee, origin, ownerReason, reason,
                createdAt, now, now, nextFollowUpAt, version, responseDueAt);
    }

    /**
     * The lead with another owner, checking no rule: a copy for stores and their tests. Changes go through
     * {@link #assign}.
     */
    public Lead assignedTo(UserId user, OwnerReason reason, Instant now) {
        return new Lead(id, tenant, project, contact, card, status, user, origin, reason, lostReason, createdAt,
                statusSince, now, nextFollowUpAt, version, responseDueAt);
    }

    /**
     * The lead of another contact, checking no rule: a copy for stores and their tests. Changes go through
     * {@link #moveToContact}.
     */
    public Lead withContact(ContactId newContact, ContactCard newCard, Instant now) {
        return new Lead(id, tenant, project, newContact, newCard, status, assignee, origin, ownerReason, lostReason,
                createdAt, statusSince, now, nextFollowUpAt, version, responseDueAt);
    }

    private void requireOwnProject(Project given) {
        if (!given.id().equals(project) || !given.tenant().equals(tenant)) {
            throw new IllegalArgumentException("lead " + id + " belongs to project " + project + ", not "
                    + given.id());
        }
    }

    /** Something happened on the lead (note, follow-up, ...). */
    public Lead touched(Instant now) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, statusSince, now, nextFollowUpAt, version, responseDueAt);
    }

    /** With the due time of its earliest open follow-up, or null when it has none. */
    public Lead withNextFollowUpAt(Instant due) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, statusSince, lastActivityAt, due, version, responseDueAt);
    }

    /**
     * The lead with this first-response deadline (null: no clock runs), checking no rule: the clock follows the
     * lead's events ({@code org.leadmanager.domain.event.ResponseClock}); for the core and stores rebuilding a lead.
     */
    public Lead withResponseDueAt(Instant due) {
        return new Lead(id, tenant, project, contact, card, status, assignee, origin, ownerReason, lostReason,
                createdAt, statusSince, lastActivityAt, nextFollowUpAt, version, due);
    }

    /** When the owner's first response is due, or null when no clock runs (responded, closed, or no policy). */
    public Instant responseDueAt() { return responseDueAt; }

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
    /** When the lead came onto its current status: its qualification, or the status change that moved it there. */
    public Instant statusSince() { return statusSince; }
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
