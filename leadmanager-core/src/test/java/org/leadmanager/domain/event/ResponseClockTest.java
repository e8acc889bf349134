package org.leadmanager.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.leadmanager.domain.DomainFixture.ALICE;
import static org.leadmanager.domain.DomainFixture.BOB;
import static org.leadmanager.domain.DomainFixture.CONTACTED;
import static org.leadmanager.domain.DomainFixture.MIA;
import static org.leadmanager.domain.DomainFixture.NEW;
import static org.leadmanager.domain.DomainFixture.OFFER;
import static org.leadmanager.domain.DomainFixture.T0;
import static org.leadmanager.domain.DomainFixture.WON;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.deadline.ResponseActivity;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;

class ResponseClockTest {
    private static final FirstResponsePolicy POLICY = FirstResponsePolicy.of(Duration.ofHours(2),
            BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0)), MIA);
    private static final Instant DUE = Instant.parse("2026-03-02T11:00:00Z");

    private final Project project = DomainFixture.project().withFirstResponse(POLICY);
    private final Lead owned = DomainFixture.lead(project).assignedTo(ALICE, OwnerReason.manual(MIA), T0)
            .withResponseDueAt(DUE);

    @Test
    void aQualifiedLeadsClockStartsWithThePolicyAndNotWithout() {
        assertEquals(DUE, ResponseClock.started(project, T0));
        assertNull(ResponseClock.started(DomainFixture.project(), T0));
    }

    @Test
    void aNewOwnerStartsAFreshClock() {
        Instant later = T0.plus(Duration.ofHours(1));
        assertEquals(Instant.parse("2026-03-02T12:00:00Z"), ResponseClock.after(new DomainEvent.LeadAssigned(
                owned.id(), project.id(), ALICE, BOB, OwnerReason.manual(MIA)), MIA, owned, project, later));
    }

    @Test
    void onlyTheOwnersResponseStopsTheClock() {
        DomainEvent note = new DomainEvent.NoteAdded(owned.id(), new NoteId(java.util.UUID.randomUUID()));
        assertNull(ResponseClock.after(note, ALICE, owned, project, T0));
        assertEquals(DUE, ResponseClock.after(note, BOB, owned, project, T0));
        DomainEvent outOfDefault = new DomainEvent.LeadStatusChanged(owned.id(), project.id(), NEW, CONTACTED);
        assertNull(ResponseClock.after(outOfDefault, ALICE, owned.withStatus(CONTACTED, null, T0), project, T0));
        DomainEvent later = new DomainEvent.LeadStatusChanged(owned.id(), project.id(), CONTACTED, OFFER);
        assertEquals(DUE, ResponseClock.after(later, ALICE, owned.withStatus(OFFER, null, T0), project, T0));
        Project notesOnly = project.withFirstResponse(POLICY.stoppedBy(ResponseActivity.NOTE));
        assertEquals(DUE, ResponseClock.after(outOfDefault, ALICE, owned.withStatus(CONTACTED, null, T0),
                notesOnly, T0));
    }

    @Test
    void closingTheLeadStopsTheClockWhoeverClosesIt() {
        DomainEvent won = new DomainEvent.LeadStatusChanged(owned.id(), project.id(), NEW, WON);
        assertNull(ResponseClock.after(won, BOB, owned.withStatus(WON, null, T0), project, T0));
    }
}
