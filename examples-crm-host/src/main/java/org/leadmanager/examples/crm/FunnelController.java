package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.leadmanager.Funnel;
import org.leadmanager.LeadManager;
import org.leadmanager.Reports;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A lead manager's conversion funnel: for a window of days (the last 30 by default), how many leads came onto each
 * status, drawn as bars, with the rates, the time on each status, the lost reasons and the ageing of open leads; for
 * the whole lead manager, per employee or per source. The numbers are the library's ({@code reports().funnel}).
 */
@Controller
public class FunnelController {
    private final LeadManager leads;
    private final Clock clock;

    FunnelController(LeadManager leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    /** One slice as the screen shows it: a title, the figures, and each status's bar width in percent. */
    public record Shown(String title, Funnel.Slice slice, Map<String, Long> barWidths) {
    }

    @GetMapping("/leadmanagers/{id}/funnel")
    String funnel(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "PROJECT") Funnel.Breakdown by, HttpSession session, Model model) {
        Actor actor = SignIn.required(session).actor();
        ProjectId projectId = ProjectId.parse(id);
        Project project = leads.projects().get(actor, projectId);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from != null ? from : last.minusDays(29);
        Funnel funnel = leads.reports().funnel(actor, new Reports.FunnelQuery(projectId, first, last, by));
        Map<String, String> actions = leads.qualification().actions(actor).stream()
                .collect(Collectors.toMap(a -> a.id().toString(), MarketingAction::name, (a, b) -> a));
        List<Shown> shown = new ArrayList<>();
        for (Funnel.Slice slice : funnel.slices()) {
            long widest = slice.stages().stream().mapToLong(Funnel.Stage::entered).max().orElse(0);
            Map<String, Long> widths = slice.stages().stream().collect(Collectors.toMap(
                    s -> s.status().value(), s -> widest == 0 ? 0 : Math.round(100.0 * s.entered() / widest)));
            shown.add(new Shown(title(project, slice, by, actions), slice, widths));
        }
        model.addAttribute("project", project);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("by", by);
        model.addAttribute("slices", shown);
        return "funnel";
    }

    /** The lead manager's name, the employee's name, or the source ("Gruppe …", "Aktion …", "von Hand"). */
    private static String title(Project project, Funnel.Slice slice, Funnel.Breakdown by,
            Map<String, String> actions) {
        return switch (by) {
            case PROJECT -> project.name();
            case OWNER -> slice.owner() == null ? "–"
                    : CrmUsers.find(slice.owner().value()).map(CrmUsers.CrmUser::name).orElse(slice.owner().value());
            case SOURCE -> switch (slice.sourceKind()) {
                case MANUAL -> "✋";
                case GROUP -> "👥 " + slice.sourceReference();
                case ACTION -> "✉ " + actions.getOrDefault(slice.sourceReference(), slice.sourceReference());
            };
        };
    }

    /** A time on a status as the screen shows it: under so many minutes, hours or days. */
    public static String stay(Duration time) {
        if (time == null) {
            return "–";
        }
        if (time.toMinutes() < 120) {
            return "< " + time.toMinutes() + " min";
        }
        if (time.toHours() < 48) {
            return "< " + (time.toHours() + (time.toMinutesPart() > 0 ? 1 : 0)) + " h";
        }
        return "< " + (time.toDays() + (time.toHoursPart() > 0 || time.toMinutesPart() > 0 ? 1 : 0)) + " d";
    }

    /** A rate in percent, rounded. */
    public static String percent(double rate) {
        return Math.round(rate * 100) + " %";
    }
}
