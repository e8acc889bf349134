package org.leadmanager.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every example runs in the build and prints what it promises. */
class ExamplesRunTest {

    private static String run(Consumer<String[]> main) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.accept(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        original.print(output);
        return output;
    }

    private static void assertContains(String output, String... expected) {
        for (String text : expected) {
            assertTrue(output.contains(text), () -> "missing '" + text + "' in:\n" + output);
        }
    }

    @Test
    void demoTellsTheWholeStory() {
        String out = run(Demo::main);
        assertContains(out, "== Project 'Leadmanager': status list ==",
                "Bound group 'spring-mailing-responders': 4 members became leads",
                "Added by hand: 3 new leads, 0 already leads, 0 rejected.",
                "== Filtered by ticking 'Kontaktiert' + 'Angebot' ==",
                "== Search: owner Anna Schmidt, city = Berlin, by name ==",
                "Rückruf gewünscht", "overdue  | 2026-03-02 13:20 | Petra Berg",
                "Olaf Brandt | Brandt Maschinen GmbH | Berlin | Angebot     | Ben Weber",
                "Leadmanager | 8     | Neu 3, Kontaktiert 2, Angebot 1, Kunde 1, Kein Interesse 1",
                "== Funnel of 'Leadmanager', March 2026: 8 qualified, 13% converted, 13% lost ==",
                "Neu            | 8       | 5    | < 64 min          | 3",
                "Lost reason 'Kein Budget in diesem Jahr': 1", "Lost reason 'Mitbewerber': 0",
                "group spring-mailing-responders | 4         | 1         | 1",
                "action Frühjahrs-Mailing        | 1         | 0         | 0",
                "Events recorded by the changes, waiting in the store: 28.",
                "== Events the relay published, per type ==", "LeadQualified     | 8", "Waiting after the relay: 0.");
        String filtered = out.substring(out.indexOf("== Filtered"), out.indexOf("== Leads per status"));
        assertTrue(!filtered.contains("| Neu ") && !filtered.contains("| Kunde "), filtered);
    }

    @Test
    void groupQualification() {
        assertContains(run(GroupQualificationExample::main), "syncGroups: 2500 new leads",
                "contactJoinedGroup: created=true", "second syncGroups: 0 new leads");
    }

    @Test
    void bulkQualification() {
        assertContains(run(BulkQualificationExample::main), "added 9,900, already leads 100, rejected 1",
                "rejected no-such-contact: unknown contact", "progress: 10,001 of 10,001");
    }

    @Test
    void assignmentRules() {
        String out = run(AssignmentRulesExample::main);
        assertContains(out, "c-1     | Anna Schmidt | RULE 'Berlin goes to Anna'");
        assertTrue(!out.contains("Ben Weber"), "the inactive user must not get leads:\n" + out);
    }

    @Test
    void statusWorkflow() {
        assertContains(run(StatusWorkflowExample::main), "Refused: project 'Solar' does not allow moving",
                "Jonas: no-interest, reason: Went with a competitor", "Maria is new");
    }

    @Test
    void search() {
        assertContains(run(SearchExample::main), "page 1:", "page 3:", "total 40", "saved 'Anna's Berlin leads'");
    }

    @Test
    void followUpReminders() {
        assertContains(run(FollowUpRemindersExample::main), "fired at 08:00: 0", "fired at 11:00: 1",
                "fired again at 11:00: 0", "overdue: Petra Berg, Call Petra about the offer (reminded 2026-03-02T11:00:00Z)",
                "after completing: 0 overdue");
    }

    @Test
    void fairAssignment() {
        assertContains(run(FairAssignmentExample::main),
                "Monday, Ben away, Carl at most 2 open: {anna=4, carl=2}",
                "why the first: ROUND_ROBIN, weight 2 of 3 among 2 eligible",
                "Next Monday, Ben back (Carl still at his cap): {anna=4, ben=2}");
    }

    @Test
    void firstResponse() {
        assertContains(run(FirstResponseExample::main),
                "Olaf Brandt -> anna, first response due 2026-03-10T11:00",
                "Petra Berg -> ben, first response due 2026-03-10T11:00",
                "Anna responded: due null",
                "Tuesday 10:59, escalated: 0",
                "ESCALATION to carla: Petra Berg (owner ben), due 2026-03-10T11:00",
                "Tuesday 11:00, escalated: 1",
                "Tuesday 11:00, again: 0",
                "Petra Berg now -> anna, due 2026-03-10T15:00");
    }

    @Test
    void twoNodeReminders() {
        assertContains(run(TwoNodeRemindersExample::main), "== Who fired what ==",
                "reminders sent: 20, 20 distinct follow-ups, 0 duplicates", "stored as FIRED: 20 of 20",
                "another round on both nodes fired 0");
    }

    @Test
    void events() {
        assertContains(run(EventsExample::main), "Changes made; 3 events wait for the relay.",
                "The relay published 3 events.", "from MANUAL", "NoteAdded", "Set aside: LeadConverted",
                "webhook answered 503", "Retried 1; the relay published 1 more.", "became a customer");
    }

    @Test
    void contactMerge() {
        assertContains(run(ContactMergeExample::main), "notes on the kept lead: 1, follow-ups: 1", "MERGED");
    }

    @Test
    void accessPolicy() {
        assertContains(run(AccessPolicyExample::main), "Anna sees Ben's lead: Petra Berg",
                "Anna may not change it", "Another tenant: lead");
    }

    @Test
    void privacy() {
        String out = run(PrivacyExample::main);
        assertContains(out, "erased 2 leads of c-1", "of contact c-1 erased (REQUEST)", "dry run: would erase lead",
                "retention erased 1 lead(s)", "of contact c-2 erased (RETENTION)");
        assertTrue(!out.contains("c-1 erased (RETENTION)"), out);
    }
}
