package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.StatusKey;

/**
 * Row of {@code lm_lead}, with its mapping. The contact card is flattened, with derived copies of its texts so
 * that SQL compares exactly like {@code LeadCriteria.matches} and {@code LeadOrdering} on every database:
 * {@code *_key} ({@link CaseFolding#lower}, as {@code ContactCard.sortName}) for the text search and the NAME sort,
 * {@code *_fold} ({@link CaseFolding#fold}) for field equality ignoring case; {@link Keys} sizes them. The row's
 * timeline counter {@code activity_seq} is mapped read-only: only {@link JpaActivityRepository} raises it, with
 * statements of its own, and a versioned update of the lead must never write back a value it read earlier. Bulk
 * qualification writes rows, and a search page reads them, without the provider: {@link LeadRows} lists the columns
 * for those statements.
 */
@Entity(name = "LmLead")
@Table(name = "lm_lead")
class LeadEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "project_id", nullable = false, updatable = false)
    UUID projectId;
    @Column(name = "contact_id", length = 64, nullable = false)
    String contactId;
    @Column(name = "name", length = 200, nullable = false)
    String name;
    @Column(name = "name_key", length = Keys.LOWER_LENGTH, nullable = false)
    String nameKey;
    @Column(name = "name_fold", length = Keys.FOLD_LENGTH, nullable = false)
    String nameFold;
    @Column(name = "email", length = 200)
    String email;
    @Column(name = "email_key", length = Keys.LOWER_LENGTH)
    String emailKey;
    @Column(name = "email_fold", length = Keys.FOLD_LENGTH)
    String emailFold;
    @Column(name = "phone", length = 200)
    String phone;
    @Column(name = "phone_fold", length = Keys.FOLD_LENGTH)
    String phoneFold;
    @Column(name = "company", length = 200)
    String company;
    @Column(name = "company_key", length = Keys.LOWER_LENGTH)
    String companyKey;
    @Column(name = "company_fold", length = Keys.FOLD_LENGTH)
    String companyFold;
    @Column(name = "city", length = 200)
    String city;
    @Column(name = "city_fold", length = Keys.FOLD_LENGTH)
    String cityFold;
    @Column(name = "details_link", length = 2000)
    String detailsLink;
    @Column(name = "status", length = 40, nullable = false)
    String status;
    @Column(name = "assignee", length = 64)
    String assignee;
    @Column(name = "origin_kind", length = 16, nullable = false)
    String originKind;
    @Column(name = "origin_ref", length = 64)
    String originRef;
    @Column(name = "origin_by", length = 64, nullable = false)
    String originBy;
    @Column(name = "owner_kind", length = 20, nullable = false)
    String ownerKind;
    @Column(name = "owner_detail", length = 200)
    String ownerDetail;
    @Column(name = "owner_by", length = 64, nullable = false)
    String ownerBy;
    /** {@link LeadWords#text}: the card's kept words, each after a blank. */
    @Column(name = "search_words", length = 10_000, nullable = false)
    String searchWords;
    @Column(name = "lost_reason", length = 10_000)
    String lostReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "status_since", nullable = false)
    Instant statusSince;
    /** Written on insert, then only by {@link JpaLeadRepository#touch}: never part of a versioned update. */
    @Column(name = "last_activity_at", nullable = false, updatable = false)
    Instant lastActivityAt;
    /** Written on insert, then only by {@link JpaLeadRepository#setNextFollowUpAt}. */
    @Column(name = "next_follow_up_at", updatable = false)
    Instant nextFollowUpAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;
    /**
     * The first-response deadline and when the lead is claimable for its escalation: written on insert, then only
     * by {@link JpaLeadRepository#setResponseDue} and the claim statements ({@link JpaResponseDeadlines}).
     */
    @Column(name = "response_due_at", updatable = false)
    Instant responseDueAt;
    @Column(name = "response_claimable_at", updatable = false)
    Instant responseClaimableAt;
    @Column(name = "response_claimed_by", length = 200, insertable = false, updatable = false)
    String responseClaimedBy;
    /** Escalation attempts at this deadline and the last failed one's error: the claim statements' alone. */
    @Column(name = "response_attempts", nullable = false, insertable = false, updatable = false)
    int responseAttempts;
    @Column(name = "response_error", length = 10_000, insertable = false, updatable = false)
    String responseError;
    /** Number of the lead's latest timeline entry; raised only by {@link SqlDialect#raiseActivityCounters}. */
    @Column(name = "activity_seq", nullable = false, insertable = false, updatable = false)
    long activitySeq;

    protected LeadEntity() {
    }

    static LeadEntity of(Lead lead) {
        LeadEntity e = new LeadEntity();
        ContactCard card = lead.card();
        e.id = lead.id().value();
        e.tenantId = lead.tenant().value();
        e.projectId = lead.project().value();
        e.contactId = lead.contact().value();
        e.name = card.name();
        e.nameKey = card.sortName();
        e.nameFold = CaseFolding.fold(card.name());
        e.email = card.email();
        e.emailKey = CaseFolding.lower(card.email());
        e.emailFold = CaseFolding.fold(card.email());
        e.phone = card.phone();
        e.phoneFold = CaseFolding.fold(card.phone());
        e.company = card.company();
        e.companyKey = CaseFolding.lower(card.company());
        e.companyFold = CaseFolding.fold(card.company());
        e.city = card.city();
        e.cityFold = CaseFolding.fold(card.city());
        e.detailsLink = card.detailsLink();
        e.searchWords = LeadWords.text(card);
        e.status = lead.status().value();
        e.assignee = lead.assignee() == null ? null : lead.assignee().value();
        e.originKind = lead.origin().kind().name();
        e.originRef = lead.origin().reference();
        e.originBy = lead.origin().by().value();
        e.ownerKind = lead.ownerReason().kind().name();
        e.ownerDetail = lead.ownerReason().detail();
        e.ownerBy = lead.ownerReason().by().value();
        e.lostReason = lead.lostReason();
        e.createdAt = lead.createdAt();
        e.statusSince = lead.statusSince();
        e.lastActivityAt = lead.lastActivityAt();
        e.nextFollowUpAt = lead.nextFollowUpAt();
        e.version = lead.version();
        e.responseDueAt = lead.responseDueAt();
        e.responseClaimableAt = lead.responseDueAt();
        return e;
    }

    Lead toDomain() {
        return Lead.reconstitute(new LeadId(id), TenantId.of(tenantId), new ProjectId(projectId),
                ContactId.of(contactId), new ContactCard(name, email, phone, company, city, detailsLink),
                StatusKey.of(status), assignee == null ? null : UserId.of(assignee),
                new Origin(OriginKind.valueOf(originKind), originRef, UserId.of(originBy)),
                new OwnerReason(OwnerReasonKind.valueOf(ownerKind), ownerDetail, UserId.of(ownerBy)),
                lostReason, createdAt, statusSince, lastActivityAt, nextFollowUpAt, version).withResponseDueAt(responseDueAt);
    }
}
