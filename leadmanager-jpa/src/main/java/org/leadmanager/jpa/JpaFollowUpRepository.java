package org.leadmanager.jpa;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.FollowUpRepository;

/** Follow-ups in {@code lm_follow_up}; their reminders' claim queue is {@link JpaReminderQueue}. */
final class JpaFollowUpRepository implements FollowUpRepository {
    private final JpaSession s;

    JpaFollowUpRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void insert(FollowUp followUp) {
        s.insert(FollowUpEntity.of(followUp));
    }

    @Override
    public FollowUp update(FollowUp followUp) {
        FollowUpEntity changed = FollowUpEntity.of(followUp);
        if (!s.updateVersioned(FollowUpEntity.class, changed.id, changed,
                stored -> stored.tenantId.equals(changed.tenantId) && stored.version == changed.version)) {
            throw new StaleModificationException("follow-up", followUp.id(), followUp.version());
        }
        return followUp.withVersion(followUp.version() + 1);
    }

    @Override
    public Optional<FollowUp> find(TenantId tenant, FollowUpId id) {
        return s.<FollowUpEntity>first(s.em.createQuery("select f from LmFollowUp f where f.id = :id"
                + " and f.tenantId = :tenant", FollowUpEntity.class).setParameter("id", id.value())
                .setParameter("tenant", tenant.value())).map(FollowUpEntity::toDomain);
    }

    @Override
    public List<FollowUp> findByLead(TenantId tenant, LeadId lead) {
        return map(s.list(s.em.createQuery("select f from LmFollowUp f where f.leadId = :lead"
                + " and f.tenantId = :tenant order by f.dueAt, f.id", FollowUpEntity.class)
                .setParameter("lead", lead.value()).setParameter("tenant", tenant.value())));
    }

    @Override
    public List<FollowUp> findOpenByOwner(TenantId tenant, UserId owner, int limit) {
        return map(s.list(s.em.createQuery("select f from LmFollowUp f where f.tenantId = :tenant"
                + " and f.ownerId = :owner and f.state = 'OPEN' order by f.dueAt, f.id", FollowUpEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("owner", owner.value())
                .setMaxResults(limit)));
    }

    /** Moves the follow-ups and bumps their versions, so a change based on the old lead fails. */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        s.em.createQuery("update LmFollowUp f set f.leadId = :into, f.version = f.version + 1"
                + " where f.leadId = :from and f.tenantId = :tenant").setParameter("into", into.value())
                .setParameter("from", from.value()).setParameter("tenant", tenant.value()).executeUpdate();
    }

    static List<FollowUp> map(List<FollowUpEntity> entities) {
        return entities.stream().map(FollowUpEntity::toDomain).toList();
    }
}
