package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.leadmanager.BulkResult;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.ProjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CRM's own contact screens: the contact list, where a selection of contacts is added to a lead manager ("Zum
 * Leadmanager hinzufügen"), and one contact's page, where the lead page's "Kundendetails" button leads.
 */
@Controller
public class ContactsController {
    private final LeadManager leads;
    private final CrmContacts contacts;

    ContactsController(LeadManager leads, CrmContacts contacts) {
        this.leads = leads;
        this.contacts = contacts;
    }

    @GetMapping("/crm/contacts")
    String list(@RequestParam(defaultValue = "") String leadmanager, HttpSession session, Model model) {
        model.addAttribute("contacts", contacts.all());
        model.addAttribute("leadManagers", leads.projects().list(SignIn.required(session).actor()));
        model.addAttribute("chosen", leadmanager);
        return "contacts";
    }

    /** Qualifies the ticked contacts for the chosen lead manager; the next screen tells how many became leads. */
    @PostMapping("/crm/contacts/to-leadmanager")
    String addToLeadManager(@RequestParam(name = "contact", required = false) List<String> selected,
            @RequestParam String leadmanager, HttpSession session, RedirectAttributes next) {
        Actor actor = SignIn.required(session).actor();
        if (selected == null || selected.isEmpty()) {
            next.addFlashAttribute("errorKey", "error.noSelection");
            return "redirect:/crm/contacts?leadmanager=" + leadmanager;
        }
        ProjectId project = ProjectId.parse(leadmanager);
        Optional<BulkResult> result = Screens.attempt(next, null, () -> leads.qualification()
                .qualifyAll(actor, project, selected.stream().map(ContactId::of).toList()));
        result.ifPresent(r -> {
            next.addFlashAttribute("added", r.added());
            next.addFlashAttribute("already", r.alreadyLeads());
            next.addFlashAttribute("rejected", r.rejected().size());
        });
        return "redirect:/crm/contacts?leadmanager=" + leadmanager;
    }

    /** A contact's page in the CRM ("Kundendetails"). */
    @GetMapping("/crm/contacts/{id}")
    String contact(@PathVariable String id, Model model) {
        model.addAttribute("contact", contacts.find(ContactId.of(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no contact " + id)));
        return "contact";
    }
}
