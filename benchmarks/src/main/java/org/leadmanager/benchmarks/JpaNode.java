package org.leadmanager.benchmarks;

import jakarta.persistence.EntityManagerFactory;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.jpa.JpaLeadStore;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.host.UserInfo;

/** One application node: a pool, an EntityManagerFactory, a JPA store and a lead manager on it. */
final class JpaNode {
    static final TenantId TENANT = TenantId.of("bench");
    static final UserId MANAGER = UserId.of("manager");
    static final Actor ACTOR = Actor.manager(TENANT, MANAGER);
    /** Every user exists and is active. */
    static final UserDirectory USERS = (tenant, user) -> Optional.of(new UserInfo(user, user.value(), true,
            ZoneOffset.UTC));
    static final List<LeadStatus> STATUSES = List.of(
            LeadStatus.of("new", "New", StatusCategory.OPEN),
            LeadStatus.of("contacted", "Contacted", StatusCategory.OPEN),
            LeadStatus.of("qualified", "Qualified", StatusCategory.OPEN),
            LeadStatus.of("proposal", "Proposal", StatusCategory.OPEN),
            LeadStatus.of("won", "Customer", StatusCategory.WON),
            LeadStatus.of("lost", "No interest", StatusCategory.LOST));

    final EntityManagerFactory emf;
    final JpaLeadStore store;
    final LeadManager leads;
    private final ContactDirectory contacts;

    JpaNode(BenchDatabase db, String name, int connections, ContactDirectory contacts) {
        this.emf = db.emf(db.pool(name, connections));
        this.store = JpaLeadStore.create(emf);
        this.contacts = contacts;
        this.leads = LeadManager.builder().store(store).contacts(contacts).users(USERS).build();
    }

    /** A second lead manager on this node's store, publishing its events to {@code events}. */
    LeadManager publishingTo(EventPublisher events) {
        return LeadManager.builder().store(store).contacts(contacts).users(USERS).events(events).build();
    }

    Project project(String name) {
        return leads.projects().create(ACTOR, new Projects.Create(name, ProjectKind.PROJECT, STATUSES,
                StatusKey.of("new")));
    }
}
