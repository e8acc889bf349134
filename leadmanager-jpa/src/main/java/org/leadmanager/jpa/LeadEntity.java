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
 * qualification writes rows without the provider: {@link LeadRows} lists the columns for those statements.
 */
@Entity(name = "LmLead")
@Table(name = "lm_lead")
class LeadEntity {
    /**
     * The select list of a page of leads read as values rather than managed entities (see {@link LeadFilter#page}):
     * the provider then skips the persistence context and its bookkeeping for rows that are only read. Each
     * attribute in the order of the constructor below.
     */
    static final String SELECT = "select new org.leadmanager.jpa.LeadEntity("
            + "l.id, l.tenantId, l.projectId, l.contactId, l.name, l.nameKey, l.nameFold, l.email, l.emailKey,"
            + " l.emailFold, l.phone, l.phoneFold, l.company, l.companyKey, l.companyFold, l.city, l.cityFold,"
            + " l.detailsLink, l.status, l.assignee, l.originKind, l.originRef, l.originBy, l.ownerKind,"
            + " l.ownerDetail, l.ownerBy, l.lostReason, l.createdAt, l.lastActivityAt, l.nextFollowUpAt, l.version)";

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
    @Column(name = "lost_reason", length = 10_000)
    String lostReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    /** Written on insert, then only by {@link JpaLeadRepository#touch}: never part of a versioned update. */
    @Column(name = "last_activity_at", nullable = false, updatable = false)
    Instant lastActivityAt;
    /** Written on insert, then only by {@link JpaLeadRepository#setNextFollowUpAt}. */
    @Column(name = "next_follow_up_at", updatable = false)
    Instant nextFollowUpAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;
    /** Number of the lead's latest timeline entry; raised only by {@link SqlDialect#raiseActivityCounters}. */
    @Column(name = "activity_seq", nullable = false, insertable = false, updatable = false)
    long activitySeq;

    protected LeadEntity() {
    }

    /** A row read by {@link #SELECT}: a value, never managed. */
    LeadEntity(UUID id, String tenantId, UUID projectId, String contactId, String name, String nameKey,
            String nameFold, String email, String emailKey, String emailFold, String phone, String phoneFold,
            String company, String companyKey, String companyFold, String city, String cityFold, String detailsLink,
            String status, String assignee, String originKind, String originRef, String originBy, String ownerKind,
            String ownerDetail, String ownerBy, String lostReason, Instant createdAt, Instant lastActivityAt,
            Instant nextFollowUpAt, long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.contactId = contactId;
        this.name = name;
        this.nameKey = nameKey;
        this.nameFold = nameFold;
        this.email = email;
        this.emailKey = emailKey;
        this.emailFold = emailFold;
        this.phone = phone;
        this.phoneFold = phoneFold;
        this.company = company;
        this.companyKey = companyKey;
        this.companyFold = companyFold;
        this.city = city;
        this.cityFold = cityFold;
        this.detailsLink = detailsLink;
        this.status = status;
        this.assignee = assignee;
        this.originKind = originKind;
        this.originRef = originRef;
        this.originBy = originBy;
        this.ownerKind = ownerKind;
        this.ownerDetail = ownerDetail;
        this.ownerBy = ownerBy;
        this.lostReason = lostReason;
        this.createdAt = createdAt;
        this.lastActivityAt = lastActivityAt;
        this.nextFollowUpAt = nextFollowUpAt;
        this.version = version;
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
        e.lastActivityAt = lead.lastActivityAt();
        e.nextFollowUpAt = lead.nextFollowUpAt();
        e.version = lead.version();
        return e;
    }

    Lead toDomain() {
        return Lead.reconstitute(new LeadId(id), TenantId.of(tenantId), new ProjectId(projectId),
                ContactId.of(contactId), new ContactCard(name, email, phone, company, city, detailsLink),
                StatusKey.of(status), assignee == null ? null : UserId.of(assignee),
                new Origin(OriginKind.valueOf(originKind), originRef, UserId.of(originBy)),
                new OwnerReason(OwnerReasonKind.valueOf(ownerKind), ownerDetail, UserId.of(ownerBy)),
                lostReason, createdAt, lastActivityAt, nextFollowUpAt, version);
    }
}
