package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.tck.TckFixture;

/**
 * Adding a note or completing a follow-up reads the lead once (the read that checks the actor may change it),
 * whether or not its project sets a first-response deadline and whether or not the change stops the lead's clock:
 * the first-response clock uses the lead and project the unit of work read. Counted on the connections.
 */
abstract class ResponseClockCostBehaviour extends StoreTestBase {
    /**
     * A statement that reads a lead from {@code lm_lead} (its whole row, deadline included; not the timeline's
     * counter, which the unit of work raises in a statement of its own).
     */
    private static final Pattern READS_LEAD =
            Pattern.compile("(?is)^\\s*select\\b.*\\bresponse_due_at\\b.*\\bfrom\\s+lm_lead(?![_a-z0-9])");

    @Test
    void aNoteOrACompletedFollowUpReadsTheLeadOnceWithOrWithoutAClock() {
        CountingDataSource connections = new CountingDataSource(db().url());
        TckFixture fx = TckFixture.create(JpaLeadStore.create(
                db().newEmf(Map.of("hibernate.connection.datasource", connections))));
        // leads go to alice
        AssignmentPolicy toAlice = new AssignmentPolicy(List.of(), AssignmentStrategy.NONE, fx.alice);
        Project plain = fx.project("Without deadline", toAlice, fx.alice);
        Project timed = fx.project("With deadline", toAlice, fx.alice);
        fx.lm.projects().setFirstResponse(fx.manager, timed.id(), FirstResponsePolicy.of(Duration.ofHours(4),
                BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                fx.carol));

        Lead noClock = fx.lead(plain.id());
        assertEquals(1, leadReads(connections, () -> fx.lm.leads().addNote(fx.manager, noClock.id(), "called")),
                "a note on a project without deadline");
        FollowUp call = fx.lm.followUps().schedule(fx.manager, noClock.id(), fx.clock.instant().plusSeconds(60),
                "call back");
        assertEquals(1, leadReads(connections, () -> fx.lm.followUps().complete(fx.manager, call.id())),
                "a completed follow-up on a project without deadline");

        Lead running = fx.lead(timed.id());
        assertNotNull(running.responseDueAt());
        assertEquals(1, leadReads(connections, () -> fx.lm.leads().addNote(fx.manager, running.id(), "not hers")),
                "a note that does not stop the clock");
        assertEquals(running.responseDueAt(), fx.reload(running.id()).responseDueAt());
        FollowUp owners = fx.lm.followUps().schedule(fx.agent(fx.alice), running.id(),
                fx.clock.instant().plusSeconds(60), "call back");
        assertEquals(1, leadReads(connections, () -> fx.lm.followUps().complete(fx.agent(fx.alice), owners.id())),
                "the owner's completed follow-up, which stops the clock");
        assertNull(fx.reload(running.id()).responseDueAt());
        assertEquals(1, leadReads(connections, () -> fx.lm.leads().addNote(fx.agent(fx.alice), running.id(),
                "again")), "a note after the clock stopped");
    }

    private static long leadReads(CountingDataSource connections, Runnable call) {
        int before = connections.sql().size();
        call.run();
        return connections.sql().subList(before, connections.sql().size()).stream()
                .filter(sql -> READS_LEAD.matcher(sql).find()).count();
    }
}
