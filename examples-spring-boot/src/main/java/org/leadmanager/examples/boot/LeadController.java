package org.leadmanager.examples.boot;

import java.util.List;
import java.util.stream.Collectors;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CRM's lead screens, as plain text to keep the sample small. */
@RestController
public class LeadController {
    private final LeadManager leads;
    private final Project project;
    private final Onboarding onboarding;
    private final EventLog events;

    LeadController(LeadManager leads, Project salesProject, Onboarding onboarding, EventLog events) {
        this.leads = leads;
        this.project = salesProject;
        this.onboarding = onboarding;
        this.events = events;
    }

    /** Makes a contact a lead, in the CRM's own transaction (see {@link Onboarding}). */
    @PostMapping("/leads/{contact}")
    public String qualify(@PathVariable String contact, @RequestParam(defaultValue = "false") boolean fail) {
        Lead lead = onboarding.qualify(new ContactId(contact), fail);
        return lead.card().name() + ": " + lead.status();
    }

    /** Lists the leads matching a text, one per line; runs without any transaction of the CRM's. */
    @GetMapping("/leads")
    public String search(@RequestParam(required = false) String text) {
        LeadCriteria criteria = text == null ? LeadCriteria.all() : LeadCriteria.all().withText(text);
        List<Lead> found = leads.search().find(CrmConfiguration.manager(),
                LeadQuery.firstPage(project.id(), criteria)).leads();
        return found.stream().map(lead -> lead.card().name() + ": " + lead.status())
                .collect(Collectors.joining("\n"));
    }

    /** The types of the events the CRM heard so far, one per line. */
    @GetMapping("/events")
    public String events() {
        return String.join("\n", events.types());
    }
}
