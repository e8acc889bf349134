package org.leadmanager.examples;

import java.util.List;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/** The status list most examples share: new, contacted, offer, customer (WON), no interest (LOST). */
final class SampleProject {
    static final StatusKey NEW = StatusKey.of("new");
    static final StatusKey CONTACTED = StatusKey.of("contacted");
    static final StatusKey OFFER = StatusKey.of("offer");
    static final StatusKey CUSTOMER = StatusKey.of("customer");
    static final StatusKey NO_INTEREST = StatusKey.of("no-interest");

    private SampleProject() {
    }

    static Project create(LeadManager leads, Actor manager, String name) {
        return leads.projects().create(manager, new Projects.Create(name, ProjectKind.PROJECT, List.of(
                new LeadStatus(NEW, "New", StatusCategory.OPEN),
                new LeadStatus(CONTACTED, "Contacted", StatusCategory.OPEN),
                new LeadStatus(OFFER, "Offer sent", StatusCategory.OPEN),
                new LeadStatus(CUSTOMER, "Customer", StatusCategory.WON),
                new LeadStatus(NO_INTEREST, "No interest", StatusCategory.LOST)), NEW));
    }
}
