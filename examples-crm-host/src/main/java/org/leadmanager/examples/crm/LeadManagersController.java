package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.StatusCounts;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "CRM → Leadmanager": every lead manager the user may see with its leads per status, and one lead manager's lead
 * list, narrowed by the ticked statuses, the employee selector and the advanced search.
 */
@Controller
public class LeadManagersController {
    private final LeadManager leads;
    private final int pageSize;

    /** @param pageSize leads per page of the lead list (setting {@code crm.lead-list.page-size}, 1..500) */
    LeadManagersController(LeadManager leads, @Value("${crm.lead-list.page-size:50}") int pageSize) {
        this.leads = leads;
        this.pageSize = pageSize;
    }

    @GetMapping("/leadmanagers")
    String list(HttpSession session, Model model) {
        model.addAttribute("leadManagers", leads.projects().list(SignIn.required(session).actor()));
        return "leadmanagers";
    }

    /**
     * The lead list's filter, as the form sends it (GET, so a filtered list can be bookmarked).
     *
     * @param status   the ticked statuses' keys; none ticked: every status
     * @param owner    empty: every owner; {@code none}: leads without owner; else the owner's user key
     * @param text     part of the name, e-mail or company
     * @param company  the company, ignoring case
     * @param city     the city, ignoring case
     * @param followUp empty: any; {@code open}: with an open follow-up; {@code none}: without
     * @param cursor   where the page starts; empty: the first page
     */
    public record Filter(List<String> status, String owner, String text, String company, String city,
            String followUp, String cursor) {

        public Filter {
            status = status == null ? List.of() : List.copyOf(status);
            owner = blankToEmpty(owner);
            text = blankToEmpty(text);
            company = blankToEmpty(company);
            city = blankToEmpty(city);
            followUp = blankToEmpty(followUp);
            cursor = blankToEmpty(cursor);
        }

        private static String blankToEmpty(String value) {
            return value == null ? "" : value.strip();
        }

        /** Whether the status is ticked. */
        public boolean ticked(StatusKey key) {
            return status.contains(key.value());
        }

        /** Whether the advanced search restricts anything (then it shows opened). */
        public boolean advanced() {
            return !text.isEmpty() || !company.isEmpty() || !city.isEmpty() || !followUp.isEmpty();
        }

        /** The criteria of everything but the status checkboxes. */
        LeadCriteria withoutStatuses() {
            LeadCriteria criteria = LeadCriteria.all();
            if (owner.equals("none")) {
                criteria = criteria.withUnassigned(true);
            } else if (!owner.isEmpty()) {
                criteria = criteria.withAssignees(UserId.of(owner));
            }
            criteria = criteria.withText(text);
            if (!company.isEmpty()) {
                criteria = criteria.withField(ContactField.COMPANY, company);
            }
            if (!city.isEmpty()) {
                criteria = criteria.withField(ContactField.CITY, city);
            }
            if (followUp.equals("open")) {
                criteria = criteria.withOpenFollowUp(true);
            } else if (followUp.equals("none")) {
                criteria = criteria.withOpenFollowUp(false);
            }
            return criteria;
        }

        /** The criteria of the whole form. */
        LeadCriteria criteria() {
            Set<StatusKey> keys = new LinkedHashSet<>();
            status.forEach(key -> keys.add(StatusKey.of(key)));
            return withoutStatuses().withStatuses(keys);
        }
    }

    @GetMapping("/leadmanagers/{id}")
    String leads(@PathVariable String id, @ModelAttribute("filter") Filter filter, HttpSession session,
            Model model) {
        CrmUsers.CrmUser me = SignIn.required(session);
        Actor actor = me.actor();
        ProjectId projectId = ProjectId.parse(id);
        Project project = leads.projects().get(actor, projectId);
        // each checkbox shows how many leads ticking it adds, under the other filters
        StatusCounts counts = leads.search().countByStatus(actor, projectId, filter.withoutStatuses());
        LeadQuery query = new LeadQuery(projectId, filter.criteria(), LeadSort.ascending(SortField.NAME), pageSize,
                filter.cursor().isEmpty() ? null : filter.cursor());
        LeadPage page = leads.search().find(actor, query);
        long matching = filter.status().isEmpty() ? counts.total()
                : counts.statuses().stream().filter(c -> filter.ticked(c.key()))
                        .mapToLong(StatusCounts.StatusCount::count).sum();
        model.addAttribute("project", project);
        model.addAttribute("counts", counts);
        model.addAttribute("matching", matching);
        model.addAttribute("rows", page.rows());
        model.addAttribute("zone", me.zone());
        model.addAttribute("users", CrmUsers.all());
        model.addAttribute("nextPage", page.hasNext()
                ? ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", page.nextCursor())
                        .build().toUriString()
                : null);
        return "leads";
    }
}
