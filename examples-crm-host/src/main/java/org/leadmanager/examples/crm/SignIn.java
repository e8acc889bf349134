package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in as one of the demo users ({@link CrmUsers}), kept in the HTTP session; no passwords, as befits a demo. A
 * real CRM has its own sign-in and builds the lead manager's {@code Actor} from its user.
 */
@Controller
public class SignIn {
    private static final String USER = "crm.user";

    /** The signed-in user of this session, if any. @param session may be null */
    static Optional<CrmUsers.CrmUser> user(HttpSession session) {
        return session == null ? Optional.empty() : CrmUsers.find((String) session.getAttribute(USER));
    }

    /** The signed-in user; the sign-in interceptor lets no request without one reach a screen. */
    static CrmUsers.CrmUser required(HttpSession session) {
        return user(session).orElseThrow(() -> new IllegalStateException("nobody signed in"));
    }

    @GetMapping("/login")
    String form(Model model) {
        model.addAttribute("users", CrmUsers.all());
        return "login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam String user, HttpSession session) {
        if (CrmUsers.find(user).isEmpty()) {
            return "redirect:/login";
        }
        session.setAttribute(USER, user);
        return "redirect:/leadmanagers";
    }

    @PostMapping("/logout")
    String signOut(HttpSession session) {
        session.removeAttribute(USER);
        return "redirect:/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/leadmanagers";
    }
}
