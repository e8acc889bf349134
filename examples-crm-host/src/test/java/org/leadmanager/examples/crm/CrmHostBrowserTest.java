package org.leadmanager.examples.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.leadmanager.Funnel;
import org.leadmanager.LeadManager;
import org.leadmanager.Reports;
import org.leadmanager.domain.ProjectId;
import org.openqa.selenium.By;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample CRM used as a person uses it, in headless Chromium: one application with the demo's data and one
 * browser for the whole class. Each test signs in and works on leads of its own, so their order matters only for
 * the numbering of the screenshots (docs/screenshots, referenced in the README).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmHostBrowserTest {
    private static final By LEAD_NAMES = By.cssSelector("#leads td.name");
    private static ConfigurableApplicationContext app;
    private static Browser browser;

    @BeforeAll
    static void start() {
        app = SpringApplication.run(CrmHostApplication.class, "--server.port=0");
        browser = Browser.start("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSignedInManagerSeesEveryLeadManagerWithItsLeadsPerStatus() {
        browser.open("/leadmanagers");
        assertEquals("/login", browser.path(), "a screen needs a signed-in user");
        browser.screenshot("01-sign-in");

        signIn("anna", "Anna Schmidt");

        assertEquals(List.of("Cloud-Backup", "Leadmanager"), browser.texts(By.cssSelector("#leadmanagers a.open")));
        assertEquals(List.of("Neu 2", "Kontaktiert 1", "Angebot 1", "Kunde 1", "Kein Interesse 0"),
                browser.texts(By.cssSelector("tr[data-name='Leadmanager'] span.count")));
        assertEquals("5", browser.text(By.cssSelector("tr[data-name='Leadmanager'] td.total")));
        browser.screenshot("02-lead-managers");
    }

    @Test
    @Order(2)
    void contactsTickedOnTheContactsPageBecomeLeadsOfTheChosenLeadManager() {
        signIn("anna", "Anna Schmidt");
        long newBefore = count("Leadmanager", "neu");

        browser.follow(By.id("nav-contacts"));
        browser.click(By.id("select-c-06"));
        browser.click(By.id("select-c-08"));
        browser.click(By.id("select-c-01")); // Petra Berg already is a lead
        browser.pick(By.id("leadmanager"), "Leadmanager");
        browser.screenshot("03-contacts");
        browser.follow(By.id("add-to-leadmanager"));

        assertEquals("2 Kontakte als Leads hinzugefügt, 1 waren bereits Leads, 0 abgelehnt.",
                browser.text(By.cssSelector("#added span")));
        browser.follow(By.id("open-leadmanager"));
        assertEquals("Leadmanager", browser.text(By.id("leadmanager-name")));
        assertEquals("Neu", browser.text(By.cssSelector("tr[data-contact='c-06'] td.status")));
        assertEquals("Neu", browser.text(By.cssSelector("tr[data-contact='c-08'] td.status")));
        assertTrue(browser.texts(LEAD_NAMES).containsAll(List.of("Tobias Brandt", "Emil Sauer", "Petra Berg")));

        assertEquals(newBefore + 2, count("Leadmanager", "neu"), "the lead managers list counts the new leads");
    }

    @Test
    @Order(3)
    void tickedStatusesNarrowTheLeadList() {
        signIn("anna", "Anna Schmidt");
        openLeadManager("Leadmanager");
        int everyLead = browser.texts(LEAD_NAMES).size();

        browser.click(By.id("status-kunde"));
        browser.follow(By.id("apply"));
        assertEquals(Set.of("Kunde"), Set.copyOf(browser.texts(By.cssSelector("#leads td.status"))));
        assertTrue(browser.texts(LEAD_NAMES).contains("Miriam Vogt"));
        assertTrue(browser.ticked(By.id("status-kunde")), "the ticked status stays ticked");

        browser.click(By.id("status-angebot"));
        browser.follow(By.id("apply"));
        List<String> statuses = browser.texts(By.cssSelector("#leads td.status"));
        assertEquals(Set.of("Kunde", "Angebot"), Set.copyOf(statuses));
        assertTrue(browser.texts(LEAD_NAMES).containsAll(List.of("Miriam Vogt", "Lea Fischer")));
        assertEquals(statuses.size(), Integer.parseInt(checkboxCount("kunde")) + Integer.parseInt(
                checkboxCount("angebot")), "each checkbox counts the leads it shows");
        assertTrue(statuses.size() < everyLead, "ticking statuses narrows the list");
        browser.screenshot("04-lead-list-statuses");
    }

    @Test
    @Order(4)
    void theEmployeeSelectorShowsOneEmployeesLeads() {
        signIn("anna", "Anna Schmidt");
        openLeadManager("Leadmanager");

        browser.pick(By.id("owner"), "Ben Weber");
        browser.follow(By.id("apply"));
        assertEquals(Set.of("Ben Weber"), Set.copyOf(browser.texts(By.cssSelector("#leads td.owner"))));
        assertTrue(browser.texts(LEAD_NAMES).containsAll(List.of("Jonas Kahn", "Lea Fischer")));
        browser.screenshot("05-lead-list-employee");

        browser.pick(By.id("owner"), "Nicht zugewiesen");
        browser.follow(By.id("apply"));
        assertEquals(Set.of(""), Set.copyOf(browser.texts(By.cssSelector("#leads td.owner"))));
        assertTrue(browser.texts(LEAD_NAMES).contains("Tobias Brandt"));
    }

    @Test
    @Order(5)
    void theAdvancedSearchFindsByCityAndText() {
        signIn("anna", "Anna Schmidt");
        openLeadManager("Leadmanager");

        browser.click(By.cssSelector("#advanced summary"));
        browser.type(By.id("city"), "berlin");
        browser.follow(By.id("apply"));
        assertEquals(List.of("Lea Fischer", "Petra Berg"), browser.texts(LEAD_NAMES));

        browser.type(By.id("text"), "berg bau");
        browser.follow(By.id("apply"));
        assertEquals(List.of("Petra Berg"), browser.texts(LEAD_NAMES));
        browser.screenshot("06-advanced-search");
    }

    @Test
    @Order(6)
    void aLeadIsEditedWithCustomerDetailsOwnerStatusNoteAndAFollowUpThatTheOverviewShows() {
        signIn("anna", "Anna Schmidt");
        openLeadManager("Leadmanager");
        browser.follow(browser.all(By.cssSelector("tr[data-contact='c-04']")).get(0), By.cssSelector("a.edit"));

        assertEquals("Stefan Ortmann", browser.text(By.id("lead-name")));
        assertEquals("stefan@ortmann-soehne.de", browser.text(By.id("customer-email")));
        assertEquals("Ortmann & Söhne", browser.text(By.id("customer-company")));
        browser.screenshot("07-lead");

        browser.pick(By.id("lead-owner"), "Anna Schmidt");
        browser.follow(By.id("save-owner"));
        assertEquals("Zuständigkeit gespeichert.", browser.text(By.id("info")));
        browser.pick(By.id("status"), "Kontaktiert");
        browser.follow(By.id("save-status"));
        assertEquals("Status gespeichert.", browser.text(By.id("info")));

        browser.type(By.id("note-text"), "Ruft nach der Messe zurück.");
        browser.follow(By.id("save-note"));
        assertEquals("Notiz gespeichert.", browser.text(By.id("info")));
        assertEquals(List.of("Ruft nach der Messe zurück."), browser.texts(By.cssSelector("#notes .text")));

        browser.type(By.id("follow-up-note"), "Angebot schicken");
        browser.follow(By.id("save-follow-up"));
        assertEquals("Wiedervorlage gespeichert; sie steht in der Übersicht.", browser.text(By.id("info")));
        assertEquals(List.of("Angebot schicken"), browser.texts(By.cssSelector("#follow-ups .text")));
        assertEquals(List.of("Qualifiziert", "Zugewiesen an Anna Schmidt", "Status geändert: Neu → Kontaktiert",
                "Notiz hinzugefügt", "Wiedervorlage angelegt"), history(), "the lead's history, oldest first");
        browser.screenshot("08-lead-edited");

        // the list shows what changed
        openLeadManager("Leadmanager");
        assertEquals("Kontaktiert", browser.text(By.cssSelector("tr[data-contact='c-04'] td.status")));
        assertEquals("Anna Schmidt", browser.text(By.cssSelector("tr[data-contact='c-04'] td.owner")));

        // "Kundendetails" leads into the CRM's own contact page
        browser.follow(browser.all(By.cssSelector("tr[data-contact='c-04']")).get(0), By.cssSelector("a.edit"));
        browser.follow(By.id("customer-details"));
        assertEquals("/crm/contacts/c-04", browser.path());
        assertEquals("Stefan Ortmann", browser.text(By.id("contact-name")));
        assertEquals("stefan@ortmann-soehne.de", browser.text(By.id("contact-email")));
        browser.screenshot("09-customer-details");

        // the overview: upcoming, with the lead's name, company and lead manager
        browser.follow(By.id("nav-follow-ups"));
        List<String> upcoming = browser.texts(By.cssSelector("#upcoming tr.entry"));
        assertTrue(upcoming.stream().anyMatch(row -> row.contains("Stefan Ortmann")
                && row.contains("Ortmann & Söhne") && row.contains("Leadmanager")
                && row.contains("Angebot schicken")), () -> "upcoming follow-ups: " + upcoming);
        browser.screenshot("10-follow-ups");

        // from the overview back to the lead
        browser.follow(browser.all(By.cssSelector("#upcoming tr.entry")).stream()
                .filter(row -> row.getText().contains("Stefan Ortmann")).findFirst().orElseThrow(),
                By.cssSelector("a.lead"));
        assertEquals("Stefan Ortmann", browser.text(By.id("lead-name")));

        // done: it leaves the lead and the overview
        browser.follow(By.cssSelector("#follow-ups button.complete"));
        assertEquals("Wiedervorlage erledigt.", browser.text(By.id("info")));
        assertFalse(browser.has(By.id("follow-ups")));
        browser.follow(By.id("nav-follow-ups"));
        assertTrue(browser.texts(By.cssSelector("#upcoming tr.entry")).stream()
                .noneMatch(row -> row.contains("Stefan Ortmann")));
    }

    @Test
    @Order(7)
    void benMayNotChangeAnnasLeadAndThePageSaysSoButHeChangesHisOwn() {
        signIn("ben", "Ben Weber");
        assertEquals(List.of("Leadmanager"), browser.texts(By.cssSelector("#leadmanagers a.open")),
                "an agent sees only the lead managers whose team he is in");
        openLeadManager("Leadmanager");
        browser.follow(browser.all(By.cssSelector("tr[data-contact='c-01']")).get(0), By.cssSelector("a.edit"));
        assertEquals("Petra Berg", browser.text(By.id("lead-name")));
        List<String> notesBefore = browser.texts(By.cssSelector("#notes .text"));

        browser.type(By.id("note-text"), "Ben war hier.");
        browser.follow(By.id("save-note"));
        assertTrue(browser.text(By.id("error")).startsWith("Nicht erlaubt: Sie dürfen diesen Lead nicht ändern."),
                () -> browser.text(By.id("error")));
        assertTrue(browser.text(By.cssSelector("#error code")).contains("may not change lead"),
                "the library's AccessDeniedException is what the page reports");
        assertEquals(notesBefore, browser.texts(By.cssSelector("#notes .text")), "the refused note is not saved");
        browser.screenshot("11-ben-refused");

        browser.pick(By.id("lead-owner"), "Ben Weber");
        browser.follow(By.id("save-owner"));
        assertTrue(browser.has(By.id("error")));
        assertEquals("Anna Schmidt", selectedOwner(), "the refused owner change is not saved");

        // a lead manager whose team he is not in he may not open, not even by its address
        browser.open("/leadmanagers/" + projectId("Cloud-Backup"));
        assertEquals("Nicht erlaubt", browser.text(By.tagName("h1")));
        assertTrue(browser.text(By.cssSelector("#problem code")).contains("may not see project 'Cloud-Backup'"));
        browser.open("/leads/no-such-lead");
        assertEquals("Nicht gefunden", browser.text(By.tagName("h1")));

        // his own lead he changes
        openLeadManager("Leadmanager");
        browser.follow(browser.all(By.cssSelector("tr[data-contact='c-02']")).get(0), By.cssSelector("a.edit"));
        browser.type(By.id("note-text"), "Rückruf vereinbart.");
        browser.follow(By.id("save-note"));
        assertFalse(browser.has(By.id("error")));
        assertTrue(browser.texts(By.cssSelector("#notes .text")).contains("Rückruf vereinbart."));
        browser.type(By.id("follow-up-note"), "Jonas anrufen");
        browser.follow(By.id("save-follow-up"));
        assertFalse(browser.has(By.id("error")));

        // his overview: his own follow-ups, and no choice of whose
        browser.follow(By.id("nav-follow-ups"));
        assertFalse(browser.has(By.id("overview-user")), "an agent sees only his own overview");
        List<String> upcoming = browser.texts(By.cssSelector("#upcoming tr.entry"));
        assertTrue(upcoming.stream().anyMatch(row -> row.contains("Jonas Kahn") && row.contains("Jonas anrufen")),
                () -> "Ben's upcoming follow-ups: " + upcoming);
        assertTrue(upcoming.stream().noneMatch(row -> row.contains("Angebot nachfassen")),
                "Anna's follow-ups are not in Ben's overview");
    }

    @Test
    @Order(8)
    void inEnglishTheScreensSpeakEnglishWhileStatusLabelsStayTheProjects() {
        signIn("anna", "Anna Schmidt");
        browser.open("/leadmanagers?lang=en");
        try {
            assertEquals("CRM → Lead managers", browser.text(By.tagName("h1")));
            List<String> leadmanager = browser.texts(By.cssSelector("tr[data-name='Leadmanager'] span.count span"));
            assertEquals(List.of("Neu", "Kontaktiert", "Angebot", "Kunde", "Kein Interesse"), leadmanager);
            List<String> backup = browser.texts(By.cssSelector("tr[data-name='Cloud-Backup'] span.count span"));
            assertEquals(List.of("New", "Trial", "Customer", "Lost"), backup);
            assertEquals("Product", browser.text(By.cssSelector("tr[data-name='Cloud-Backup'] td:nth-child(2)")));
            browser.screenshot("12-lead-managers-en");
        } finally {
            browser.open("/leadmanagers?lang=de");
        }
    }

    private static void signIn(String user, String name) {
        browser.open("/login");
        browser.click(By.id("user-" + user));
        browser.follow(By.id("sign-in"));
        assertEquals("/leadmanagers", browser.path());
        assertTrue(browser.text(By.id("signed-in")).startsWith(name));
    }

    @Test
    @Order(9)
    void theFunnelDrawsTheLibrarysFiguresPerStatusAndPerEmployee() {
        signIn("anna", "Anna Schmidt");
        browser.follow(By.cssSelector("tr[data-name='Leadmanager'] a.funnel"));
        assertEquals("Leadmanager", browser.text(By.cssSelector("section.funnel h2.slice")));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Funnel funnel = app.getBean(LeadManager.class).reports().funnel(CrmUsers.ANNA.actor(),
                new Reports.FunnelQuery(ProjectId.parse(projectId("Leadmanager")), today.minusDays(29), today,
                        Funnel.Breakdown.PROJECT));
        Funnel.Slice whole = funnel.slices().get(0);
        assertTrue(whole.qualified() >= 5 && whole.converted() >= 1, "the demo's leads: " + whole);
        assertEquals(whole.qualified() + " qualifiziert", browser.text(By.cssSelector("section.funnel .qualified")));
        long widest = whole.stages().stream().mapToLong(Funnel.Stage::entered).max().orElseThrow();
        for (Funnel.Stage stage : whole.stages()) {
            String row = "section.funnel tr[data-status='" + stage.status().value() + "'] ";
            assertEquals(List.of(stage.entered(), stage.left(), stage.open()), List.of(
                    Long.parseLong(browser.text(By.cssSelector(row + ".entered"))),
                    Long.parseLong(browser.text(By.cssSelector(row + ".left"))),
                    Long.parseLong(browser.text(By.cssSelector(row + ".open")))), stage.status().value());
            assertEquals(Math.round(100.0 * stage.entered() / widest), Long.parseLong(
                    browser.attribute(By.cssSelector(row + ".bar"), "data-width")), "bar of " + stage.status());
        }
        assertEquals("100", browser.attribute(By.cssSelector("section.funnel tr[data-status='neu'] .bar"),
                "data-width"), "every lead came onto 'Neu'");
        browser.screenshot("13-funnel");

        browser.pick(By.id("by"), "Mitarbeiter");
        browser.follow(By.id("show"));
        assertTrue(browser.texts(By.cssSelector("section.funnel h2.slice")).contains("Anna Schmidt"),
                "a slice per employee");
        browser.open("/leadmanagers/" + projectId("Leadmanager") + "/funnel?lang=en");
        assertTrue(browser.text(By.cssSelector("section.funnel .qualified")).endsWith(" qualified"));
    }

    /** Opens the lead manager from "CRM → Leadmanager", as the help page says: one click. */
    private static void openLeadManager(String name) {
        browser.follow(By.id("nav-leadmanagers"));
        browser.follow(By.cssSelector("tr[data-name='" + name + "'] a.open"));
    }

    /** The count of a status in the lead managers list. */
    private static long count(String leadManager, String status) {
        browser.follow(By.id("nav-leadmanagers"));
        return Long.parseLong(browser.text(
                By.cssSelector("tr[data-name='" + leadManager + "'] span[data-status='" + status + "'] b")));
    }

    /** A lead manager's id, as its address in the list carries it. */
    private static String projectId(String name) {
        return app.getBean(LeadManager.class).projects().list(CrmUsers.ANNA.actor()).stream()
                .filter(p -> p.project().name().equals(name)).findFirst().orElseThrow().project().id().toString();
    }

    private static String checkboxCount(String status) {
        return browser.text(By.xpath(
                "//input[@id='status-" + status + "']/following-sibling::span[@class='status-count']"));
    }

    /** The lead page's history, one "what detail" line per entry. */
    private static List<String> history() {
        return browser.all(By.cssSelector("#history .activity")).stream()
                .map(entry -> (entry.findElement(By.className("what")).getText() + " "
                        + entry.findElement(By.className("detail")).getText()).strip())
                .toList();
    }

    private static String selectedOwner() {
        return browser.text(By.cssSelector("#lead-owner option:checked"));
    }
}
