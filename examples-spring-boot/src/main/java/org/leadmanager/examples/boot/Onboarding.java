package org.leadmanager.examples.boot;

import org.leadmanager.LeadManager;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CRM service whose transaction the lead manager joins: the lead is qualified in the same transaction as the
 * CRM's own work, so when that work fails, the lead and its event are gone too.
 */
@Service
public class Onboarding {
    private final LeadManager leads;
    private final Project project;

    Onboarding(LeadManager leads, Project salesProject) {
        this.leads = leads;
        this.project = salesProject;
    }

    /**
     * Qualifies the contact for the sales project, then does the CRM's own work.
     *
     * @param fail whether the CRM's own work fails (and so rolls the lead back)
     */
    @Transactional
    public Lead qualify(ContactId contact, boolean fail) {
        Lead lead = leads.qualification().qualify(CrmConfiguration.manager(), project.id(), contact).lead();
        if (fail) {
            throw new IllegalStateException("the CRM's own work failed");
        }
        return lead;
    }
}
