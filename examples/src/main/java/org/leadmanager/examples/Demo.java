package org.leadmanager.examples;

import jakarta.persistence.EntityManagerFactory;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.BulkResult;
import org.leadmanager.EventRelay;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.Funnel;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.ProjectOverview;
import org.leadmanager.Projects;
import org.leadmanager.Qualification;
import org.leadmanager.Reports;
import org.leadmanager.StatusCounts;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.leadmanager.jpa.JpaLeadStore;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.host.UserInfo;

/**
 * The story of the help page: a lead manager "Leadmanager" is set up, an e-mail campaign's responders become leads
 * through a bound group, three contacts are added by hand, two employees get the leads, the list is filtered by
 * ticking two statuses, a search runs, notes are written and a follow-up shows in the overview. At the end the event
 * relay publishes the events all of it recorded.
 */
public final class Demo {
    /** A fresh tenant per run, so the demo can run again on the same database. */
    private static final TenantId TENANT = TenantId.of("acme-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Berlin"));

    private final PrintStream out;
    private final InMemoryDirectory crm = InMemoryDirectory.create();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final LeadManager leads;
    /** What the host's publisher received of this run's tenant. */
    private final List<EventEnvelope> published = new ArrayList<>();

    Demo(LeadStore store, PrintStream out) {
        this.out = out;
        this.leads = LeadManager.builder().store(store).contacts(crm).users(crm).clock(clock)
                .events(envelope -> {
                    if (envelope.tenant().equals(TENANT)) {
                        published.add(envelope);
                    }
                })
                .build();
    }

    /**
     * Runs on JPA with an embedded H2 database, or on the database of the JDBC URL given as first argument
     * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); {@code inmemory} runs on the in-memory
     * store.
     */
    public static void main(String[] args) {
        String target = args.length > 0 ? args[0] : DemoDatabase.DEFAULT_URL;
        if (target.equals("inmemory")) {
            new Demo(InMemoryLeadStore.create(), System.out).run();
            return;
        }
        try (EntityManagerFactory emf = DemoDatabase.open(target)) {
            System.out.println("Store: JPA on " + target.replaceAll("password=[^&;]*", "password=***"));
            new Demo(JpaLeadStore.create(emf), System.out).run();
        }
    }

    void run() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        UserId anna = crm.addUser(TENANT, "anna", "Anna Schmidt", true, berlin);
        UserId ben = crm.addUser(TENANT, "ben", "Ben Weber", true, berlin);
        Actor boss = Actor.manager(TENANT, crm.addUser(TENANT, "chef", "Clara Chef", true, berlin));

        out.println("Lead Manager demo: contacts become leads, leads become customers.");

        // 1. The lead manager "Leadmanager" with its project status list.
        Project project = leads.projects().create(boss, new Projects.Create("Leadmanager", ProjectKind.PROJECT,
                List.of(LeadStatus.of("new", "Neu", StatusCategory.OPEN),
                        LeadStatus.of("contacted", "Kontaktiert", StatusCategory.OPEN),
                        LeadStatus.of("offer", "Angebot", StatusCategory.OPEN),
                        LeadStatus.of("customer", "Kunde", StatusCategory.WON),
                        LeadStatus.of("no-interest", "Kein Interesse", StatusCategory.LOST)),
                StatusKey.of("new")));
        project = leads.projects().setTeam(boss, project.id(), List.of(anna, ben));
        // the reasons to choose from when a lead is lost; any other text is still allowed
        leads.projects().setLostReasons(boss, project.id(), List.of("Kein Budget in diesem Jahr", "Mitbewerber",
                "Kein Bedarf"));
        Table statuses = new Table("Project 'Leadmanager': status list", "#", "key", "label", "category", "default");
        for (int i = 0; i < project.statuses().size(); i++) {
            LeadStatus s = project.statuses().get(i);
            statuses.row(i + 1, s.key(), s.label(), s.category(), s.key().equals(project.defaultStatus()) ? "yes" : "");
        }
        statuses.print(out);

        // 2. An e-mail campaign: its responders land in a host group bound to the project.
        ContactGroupId responders = ContactGroupId.of("spring-mailing-responders");
        crm.addToGroup(TENANT, responders,
                contact("c-101", "Petra Berg", "petra@berg-bau.de", "Berg Bau GmbH", "Berlin"),
                contact("c-102", "Jonas Kahn", "jonas@kahn-it.de", "Kahn IT", "Hamburg"),
                contact("c-103", "Maria Lux", "maria@lux-licht.de", "Lux Licht GmbH", "Berlin"),
                contact("c-104", "Tim Roth", "tim@roth-design.de", "Roth Design", "Köln"));
        MarketingAction mailing = leads.qualification().createAction(boss, Qualification.NewAction
                .of("Frühjahrs-Mailing", ActionKind.EMAIL_CAMPAIGN, Set.of(project.id()))
                .during(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")));
        leads.projects().bindGroups(boss, project.id(), Set.of(responders));
        leads.projects().setAssignmentPolicy(boss, project.id(),
                org.leadmanager.domain.project.AssignmentPolicy.roundRobin());
        BulkResult synced = leads.qualification().syncGroups(boss, project.id());
        out.printf("%nBound group '%s': %d members became leads (round-robin over Anna and Ben).%n",
                responders, synced.added());
        // A late answer to the mailing itself is recorded with the campaign as source.
        contact("c-105", "Uwe Sommer", "uwe@sommer-gastro.de", "Sommer Gastro", "Berlin");
        leads.qualification().actionResponse(boss, mailing.id(), ContactId.of("c-105"));

        // 3. Three contacts selected in the CRM and added by hand ("Zum Leadmanager hinzufügen").
        List<ContactId> selection = List.of(
                contact("c-201", "Eva Nowak", "eva@nowak-consult.de", "Nowak Consulting", "München"),
                contact("c-202", "Olaf Brandt", "olaf@brandt-maschinen.de", "Brandt Maschinen GmbH", "Berlin"),
                contact("c-203", "Sara Yilmaz", "sara@yilmaz-logistik.de", "Yilmaz Logistik", "Hamburg"));
        leads.projects().setAssignmentPolicy(boss, project.id(),
                org.leadmanager.domain.project.AssignmentPolicy.none());
        BulkResult manual = leads.qualification().qualifyAll(boss, project.id(), selection);
        out.printf("Added by hand: %d new leads, %d already leads, %d rejected.%n",
                manual.added(), manual.alreadyLeads(), manual.rejected().size());

        // 4. The hand-picked leads go to the two employees.
        LeadPage unassigned = leads.search().find(boss, new LeadQuery(project.id(),
                LeadCriteria.all().withUnassigned(true), LeadSort.ascending(SortField.NAME), 50, null));
        for (Lead lead : unassigned.leads()) {
            leads.leads().assign(boss, lead.id(), lead.card().name().startsWith("Olaf") ? ben : anna);
        }
        clock.advance(Duration.ofHours(1));

        // Some work happens: statuses move.
        List<Lead> all = page(boss, project, LeadCriteria.all(), LeadSort.ascending(SortField.NAME)).leads();
        leads.leads().changeStatus(boss, byName(all, "Petra Berg").id(), StatusKey.of("contacted"));
        leads.leads().changeStatus(boss, byName(all, "Maria Lux").id(), StatusKey.of("contacted"));
        leads.leads().changeStatus(boss, byName(all, "Olaf Brandt").id(), StatusKey.of("offer"));
        leads.leads().convert(boss, byName(all, "Jonas Kahn").id());
        leads.leads().disqualify(boss, byName(all, "Tim Roth").id(), "Kein Budget in diesem Jahr");

        print("All leads of 'Leadmanager'", project,
                page(boss, project, LeadCriteria.all(), LeadSort.ascending(SortField.NAME)));

        // 5. Ticking two statuses in the list: "Kontaktiert" and "Angebot".
        LeadCriteria ticked = LeadCriteria.all().withStatuses(StatusKey.of("contacted"), StatusKey.of("offer"));
        print("Filtered by ticking 'Kontaktiert' + 'Angebot'", project,
                page(boss, project, ticked, LeadSort.byLastActivity()));
        StatusCounts counts = leads.search().countByStatus(boss, project.id(), LeadCriteria.all());
        Table countTable = new Table("Leads per status", "status", "category", "leads");
        counts.statuses().forEach(c -> countTable.row(c.label(), c.category(), c.count()));
        countTable.print(out);

        // 6. An advanced search: Anna's leads in Berlin, any status, by name; saved for later.
        LeadCriteria search = LeadCriteria.all().withAssignees(anna)
                .withField(org.leadmanager.domain.contact.ContactField.CITY, "Berlin");
        print("Search: owner Anna Schmidt, city = Berlin, by name", project,
                page(boss, project, search, LeadSort.ascending(SortField.NAME)));
        leads.search().save(boss, "Anna in Berlin", project.id(), search, LeadSort.ascending(SortField.NAME));

        // 7. Internal notes, as Anna, on her lead.
        Lead petra = leads.leads().get(boss, byName(all, "Petra Berg").id());
        Actor annaActor = Actor.agent(TENANT, petra.assignee());
        leads.leads().addNote(annaActor, petra.id(), "Rückruf gewünscht, interessiert am Premium-Paket.");
        clock.advance(Duration.ofMinutes(20));
        leads.leads().addNote(annaActor, petra.id(), "Angebot bis Freitag vorbereiten.");
        Table notes = new Table("Internal notes on Petra Berg (never shown to the contact)", "when", "author", "note");
        for (Note note : leads.leads().notes(annaActor, petra.id())) {
            notes.row(TIME.format(note.createdAt()), nameOf(note.author()), note.text());
        }
        notes.print(out);

        // 8. A follow-up ("Wiedervorlage") that shows in the overview.
        leads.followUps().schedule(annaActor, petra.id(), clock.instant().plus(Duration.ofDays(1)),
                "Petra Berg anrufen: Angebot besprechen");
        leads.followUps().schedule(annaActor, petra.id(), clock.instant().plus(Duration.ofHours(3)),
                "Unterlagen per E-Mail schicken");
        clock.advance(Duration.ofHours(4));
        FollowUpOverview overview = leads.followUps().overview(annaActor, annaActor.user());
        Table overviewTable = new Table("Overview of " + nameOf(annaActor.user()) + " on " + overview.today(),
                "when", "due", "lead", "company", "lead manager", "owner", "note");
        overview.overdue().forEach(e -> overviewRow(overviewTable, "overdue", e));
        overview.dueToday().forEach(e -> overviewRow(overviewTable, "today", e));
        overview.upcoming().forEach(e -> overviewRow(overviewTable, "upcoming", e));
        overviewTable.print(out);

        Table projects = new Table("All lead managers of the tenant", "project", "leads", "per status");
        for (ProjectOverview p : leads.projects().list(boss)) {
            projects.row(p.project().name(), p.counts().total(), p.counts().statuses().stream()
                    .map(c -> c.label() + " " + c.count()).collect(Collectors.joining(", ")));
        }
        projects.print(out);

        // 9. The conversion funnel of "Leadmanager" for March, read from numbers kept as the changes committed.
        Funnel march = leads.reports().funnel(boss, new Reports.FunnelQuery(project.id(),
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), Funnel.Breakdown.PROJECT));
        Funnel.Slice whole = march.slices().get(0);
        Table funnel = new Table("Funnel of 'Leadmanager', March 2026: " + whole.qualified() + " qualified, "
                + percent(whole.conversionRate()) + " converted, " + percent(whole.lossRate()) + " lost",
                "status", "entered", "left", "median time there", "open now");
        for (Funnel.Stage stage : whole.stages()) {
            funnel.row(stage.label(), stage.entered(), stage.left(),
                    stage.medianStay() == null ? "-" : "< " + stage.medianStay().toMinutes() + " min", stage.open());
        }
        funnel.print(out);
        whole.lostReasons().forEach(r -> out.printf("Lost reason '%s': %d%n", r.label() == null ? r.key()
                : r.label(), r.leads()));
        Table sources = new Table("Funnel per source", "source", "qualified", "converted", "lost");
        for (Funnel.Slice slice : leads.reports().funnel(boss, new Reports.FunnelQuery(project.id(),
                march.from(), march.to(), Funnel.Breakdown.SOURCE)).slices()) {
            sources.row(slice.sourceKind().name().toLowerCase() + (slice.sourceReference() == null ? ""
                    : slice.sourceKind() == OriginKind.GROUP ? " " + slice.sourceReference() : " " + mailing.name()),
                    slice.qualified(), slice.converted(), slice.lost());
        }
        sources.print(out);

        // 10. Every change recorded its events in the store; the event relay publishes them. A host starts it on
        // each node or calls relayDue() from its own scheduler.
        EventRelay relay = leads.eventRelay(EventRelay.Options.defaults().withNodeId("demo"));
        out.printf("%nEvents recorded by the changes, waiting in the store: %d.%n", relay.backlog().pending());
        relay.relayDue();
        Map<String, Long> perType = published.stream().collect(Collectors.groupingBy(
                e -> e.event().getClass().getSimpleName(), LinkedHashMap::new, Collectors.counting()));
        Table events = new Table("Events the relay published, per type", "type", "events");
        perType.forEach(events::row);
        events.print(out);
        out.printf("Waiting after the relay: %d.%n", relay.backlog().pending());
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    /** A contact of the host CRM, with the link to its page there. */
    private ContactId contact(String id, String name, String email, String company, String city) {
        return crm.addContact(TENANT, id,
                new ContactCard(name, email, null, company, city, "https://crm.example/contacts/" + id));
    }

    /** The user's display name, or the id for unknown ones. */
    private String nameOf(UserId user) {
        return user == null ? "-" : crm.find(TENANT, user).map(UserInfo::displayName).orElse(user.value());
    }

    private LeadPage page(Actor actor, Project project, LeadCriteria criteria, LeadSort sort) {
        return leads.search().find(actor, new LeadQuery(project.id(), criteria, sort, 50, null));
    }

    private void print(String title, Project project, LeadPage page) {
        Table table = new Table(title, "contact", "company", "city", "status", "owner", "source");
        for (Lead lead : page.leads()) {
            String status = project.findStatus(lead.status()).map(LeadStatus::label).orElse(lead.status().value());
            table.row(lead.card().name(), lead.card().company(), lead.card().city(), status,
                    nameOf(lead.assignee()), lead.origin().kind().name().toLowerCase());
        }
        table.print(out);
    }

    /** An overview entry carries what its row shows: no lookup per entry. */
    private static void overviewRow(Table table, String when, FollowUpOverview.Entry e) {
        table.row(when, TIME.format(e.due()), e.contactName(), e.company(), e.projectName(), e.ownerName(),
                e.followUp().note());
    }

    private static Lead byName(List<Lead> leads, String name) {
        return leads.stream().filter(l -> l.card().name().equals(name)).findFirst().orElseThrow();
    }
}
