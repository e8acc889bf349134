package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead page behind the EDIT button: the customer's details with the "Kundendetails" button into the CRM, the
 * status, the owner selector, the internal notes, the follow-up ("Wiedervorlage") form and the lead's history. Every
 * change goes through the lead manager, whose access policy decides; a refusal shows on the page
 * ({@link Screens#attempt}).
 */
@Controller
public class LeadController {
    private final LeadManager leads;
    private final Clock clock;

    LeadController(LeadManager leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    @GetMapping("/leads/{id}")
    String lead(@PathVariable String id, HttpSession session, Model model) {
        CrmUsers.CrmUser me = SignIn.required(session);
        Actor actor = me.actor();
        LeadId leadId = LeadId.parse(id);
        Lead lead = leads.leads().get(actor, leadId);
        Project project = leads.projects().get(actor, lead.project());
        ZonedDateTime tomorrow = ZonedDateTime.now(clock.withZone(me.zone())).plusDays(1);
        model.addAttribute("lead", lead);
        model.addAttribute("project", project);
        model.addAttribute("users", CrmUsers.all());
        model.addAttribute("notes", leads.leads().notes(actor, leadId));
        model.addAttribute("followUps", leads.followUps().forLead(actor, leadId).stream()
                .filter(FollowUp::open).toList());
        model.addAttribute("history", leads.leads().timeline(actor, leadId).stream()
                .map(entry -> HistoryEntry.of(entry, project)).toList());
        model.addAttribute("defaultDate", tomorrow.toLocalDate());
        model.addAttribute("defaultTime", LocalTime.of(9, 0));
        model.addAttribute("defaultOwner", lead.assignee() == null ? me.id().value() : lead.assignee().value());
        return "lead";
    }

    /**
     * An entry of the lead's history ("Verlauf") as the page shows it.
     *
     * @param activity the library's timeline entry
     * @param detail   what changed, readable: "Neu → Kontaktiert" for a status change, the new owner's name for an
     *                 assignment; empty for the other entries
     */
    public record HistoryEntry(Activity activity, String detail) {

        static HistoryEntry of(Activity activity, Project project) {
            String detail = "";
            if (activity.type() == ActivityType.STATUS_CHANGED) {
                detail = label(project, activity.from()) + " → " + label(project, activity.to());
            } else if (activity.type() == ActivityType.ASSIGNED && activity.to() != null) {
                detail = new Screens.People().name(UserId.of(activity.to()));
            }
            return new HistoryEntry(activity, detail);
        }

        /** The status's label in the project; its key when the project no longer has it. */
        private static String label(Project project, String key) {
            return key == null ? "" : project.findStatus(StatusKey.of(key)).map(LeadStatus::label).orElse(key);
        }
    }

    @PostMapping("/leads/{id}/status")
    String status(@PathVariable String id, @RequestParam String status, HttpSession session,
            RedirectAttributes next) {
        Actor actor = SignIn.required(session).actor();
        Screens.attempt(next, "done.status",
                () -> leads.leads().changeStatus(actor, LeadId.parse(id), StatusKey.of(status)));
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/owner")
    String owner(@PathVariable String id, @RequestParam(defaultValue = "") String owner, HttpSession session,
            RedirectAttributes next) {
        Actor actor = SignIn.required(session).actor();
        LeadId lead = LeadId.parse(id);
        Screens.attempt(next, "done.owner", () -> owner.isBlank() ? leads.leads().unassign(actor, lead)
                : leads.leads().assign(actor, lead, UserId.of(owner)));
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/notes")
    String note(@PathVariable String id, @RequestParam(defaultValue = "") String text, HttpSession session,
            RedirectAttributes next) {
        Actor actor = SignIn.required(session).actor();
        Screens.attempt(next, "done.note", () -> leads.leads().addNote(actor, LeadId.parse(id), text));
        return "redirect:/leads/" + id;
    }

    /** Schedules a follow-up at the date and time given in the signed-in user's zone. */
    @PostMapping("/leads/{id}/follow-ups")
    String followUp(@PathVariable String id, @RequestParam String date, @RequestParam String time,
            @RequestParam(defaultValue = "") String note, @RequestParam String owner, HttpSession session,
            RedirectAttributes next) {
        CrmUsers.CrmUser me = SignIn.required(session);
        ZonedDateTime due;
        try {
            due = ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), me.zone());
        } catch (DateTimeParseException e) {
            next.addFlashAttribute("errorKey", "error.date");
            next.addFlashAttribute("errorDetail", date + " " + time);
            return "redirect:/leads/" + id;
        }
        Screens.attempt(next, "done.followUp", () -> leads.followUps().schedule(me.actor(), LeadId.parse(id),
                due.toInstant(), note, UserId.of(owner)));
        return "redirect:/leads/" + id;
    }

    /** Marks a follow-up done, from the lead page or the overview ({@code back}: where to return). */
    @PostMapping("/follow-ups/{id}/complete")
    String complete(@PathVariable String id, @RequestParam String back, HttpSession session,
            RedirectAttributes next) {
        Actor actor = SignIn.required(session).actor();
        Screens.attempt(next, "done.completed",
                () -> leads.followUps().complete(actor, FollowUpId.parse(id)));
        return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/follow-ups");
    }
}
