package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overview ("Übersicht") of a user's open follow-ups: overdue, due today and upcoming. A manager may pick any
 * user; an agent sees their own (the lead manager refuses an agent another user's overview).
 */
@Controller
public class FollowUpsController {
    private final LeadManager leads;

    FollowUpsController(LeadManager leads) {
        this.leads = leads;
    }

    @GetMapping("/follow-ups")
    String overview(@RequestParam(required = false) String user, HttpSession session, Model model) {
        CrmUsers.CrmUser me = SignIn.required(session);
        UserId whose = user == null || user.isBlank() || !me.manager() ? me.id() : UserId.of(user);
        model.addAttribute("whose", whose.value());
        model.addAttribute("users", CrmUsers.all());
        model.addAttribute("overview", leads.followUps().overview(me.actor(), whose));
        return "follow-ups";
    }
}
