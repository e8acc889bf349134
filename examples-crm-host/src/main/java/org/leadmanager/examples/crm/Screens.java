package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.leadmanager.domain.UserId;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every screen shows (who is signed in), how a screen reports the outcome of a change, and the page shown when
 * the lead manager refuses to show something.
 */
@ControllerAdvice
public class Screens {

    /** The signed-in user, for the header; null on the sign-in page. */
    @ModelAttribute("me")
    CrmUsers.CrmUser me(HttpSession session) {
        return SignIn.user(session).orElse(null);
    }

    /** Formats times for the templates ({@code ${time.of(lead.createdAt())}}), in the signed-in user's zone. */
    @ModelAttribute("time")
    TimeFormat time(HttpSession session) {
        return new TimeFormat(SignIn.user(session).map(CrmUsers.CrmUser::zone).orElse(ZoneId.of("UTC")));
    }

    /** The display names of the CRM's users, for the templates ({@code ${people.name(note.author())}}). */
    @ModelAttribute("people")
    People people() {
        return new People();
    }

    /** Display names of the CRM's users. */
    public static final class People {

        /** The user's display name; their key when the CRM does not know them; empty for null. */
        public String name(UserId user) {
            return user == null ? "" : CrmUsers.find(user.value()).map(CrmUsers.CrmUser::name).orElse(user.value());
        }
    }

    /** Times as the screens show them. @param zone the zone they are shown in */
    public record TimeFormat(ZoneId zone) {

        /** The time in the zone, in the screen's language; empty for null. */
        public String of(Instant time) {
            if (time == null) {
                return "";
            }
            Locale locale = LocaleContextHolder.getLocale();
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .format(time.atZone(zone));
        }
    }

    /**
     * Runs a change and tells the next screen how it went: the message {@code doneKey} when it succeeded (null: the
     * caller tells), and when the lead manager refused it, why: {@code error.denied} for its
     * {@link AccessDeniedException} (the access rules: an agent changes only their own or unassigned leads),
     * {@code error.refused} for any other of its exceptions (bad input, a conflict), each with the library's message.
     *
     * @return what the change returned; empty when it was refused
     */
    static <T> Optional<T> attempt(RedirectAttributes next, String doneKey, Supplier<T> change) {
        try {
            T result = change.get();
            if (doneKey != null) {
                next.addFlashAttribute("infoKey", doneKey);
            }
            return Optional.of(result);
        } catch (AccessDeniedException e) {
            next.addFlashAttribute("errorKey", "error.denied");
            next.addFlashAttribute("errorDetail", e.getMessage());
        } catch (LeadManagerException e) {
            next.addFlashAttribute("errorKey", "error.refused");
            next.addFlashAttribute("errorDetail", e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * A screen the lead manager refuses to show, such as a lead of a lead manager whose team the agent is not in,
     * opened by its address: the page says so, with the library's message.
     */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(AccessDeniedException e, HttpSession session, Model model) {
        return problem(session, model, "problem.denied", e);
    }

    /**
     * An address naming something the caller's tenant does not have ({@link NotFoundException}), or with no id where
     * one belongs (the ids' {@code parse} throws {@link IllegalArgumentException}).
     */
    @ExceptionHandler({NotFoundException.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, HttpSession session, Model model) {
        return problem(session, model, "problem.notFound", e);
    }

    /** A screen asked for with input the lead manager refuses, such as a filter naming an unknown status. */
    @ExceptionHandler(ValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(ValidationException e, HttpSession session, Model model) {
        return problem(session, model, "problem.invalid", e);
    }

    /** The problem page; an exception handler's model lacks the model attributes, so it adds the header's. */
    private String problem(HttpSession session, Model model, String key, RuntimeException e) {
        model.addAttribute("me", me(session));
        model.addAttribute("problemKey", key);
        model.addAttribute("problemDetail", e.getMessage());
        return "problem";
    }
}
