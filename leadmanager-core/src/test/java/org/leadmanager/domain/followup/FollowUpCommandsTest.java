package org.leadmanager.domain.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leadmanager.domain.DomainFixture.ALICE;
import static org.leadmanager.domain.DomainFixture.MIA;
import static org.leadmanager.domain.DomainFixture.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.FollowUpChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;

/** A follow-up's own rules: closed ones never change again; due times within a window from now. */
class FollowUpCommandsTest {
    private static final Instant LATER = T0.plusSeconds(60);

    private final Lead lead = DomainFixture.lead(DomainFixture.project());
    private final FollowUp open = DomainFixture.followUp(lead);

    @Test
    void schedulingChecksTheDueTimeAndSaysWhoAndWhen() {
        Instant due = T0.plus(Duration.ofHours(3));
        FollowUpId id = new FollowUpId(UUID.randomUUID());

        Changed<FollowUp> change = FollowUpChanges.schedule(id, lead, ALICE, due, "call", MIA, T0);

        assertEquals(FollowUpState.OPEN, change.state().state());
        assertEquals(List.of(new DomainEvent.FollowUpScheduled(id, lead.id(), ALICE, due)), change.events());
        assertThrows(ValidationException.class,
                () -> FollowUpChanges.schedule(id, lead, ALICE, T0.minusMillis(1), "call", MIA, T0));
        assertThrows(ValidationException.class, () -> FollowUpChanges.schedule(id, lead, ALICE,
                T0.plus(FollowUp.MAX_AHEAD).plusSeconds(1), "call", MIA, T0));
    }

    @Test
    void completingClosesItAndSaysSo() {
        Changed<FollowUp> change = FollowUpChanges.complete(open, LATER);

        assertEquals(FollowUpState.COMPLETED, change.state().state());
        assertEquals(LATER, change.state().closedAt());
        assertNull(change.state().claimableAt(), "a closed follow-up is never claimed");
        assertEquals(List.of(new DomainEvent.FollowUpCompleted(open.id(), lead.id())), change.events());
    }

    @Test
    void aClosedFollowUpRefusesEveryCommand() {
        for (FollowUp closed : List.of(open.complete(LATER), open.cancel(LATER))) {
            assertThrows(ConflictException.class, () -> closed.complete(LATER));
            assertThrows(ConflictException.class, () -> closed.cancel(LATER));
            assertThrows(ConflictException.class, () -> closed.reschedule(LATER.plusSeconds(60), LATER));
            assertThrows(ConflictException.class, () -> closed.snooze(Duration.ofMinutes(5), LATER));
        }
    }

    @Test
    void reschedulingResetsTheReminder() {
        FollowUp failed = open.claimed("node", LATER).attemptFailed("down", null);
        Instant due = LATER.plus(Duration.ofDays(2));

        Changed<FollowUp> change = FollowUpChanges.reschedule(failed, due, LATER);

        assertEquals(due, change.state().dueAt());
        assertEquals(ReminderState.PENDING, change.state().reminder());
        assertEquals(0, change.state().attempts());
        assertEquals(List.of(new DomainEvent.FollowUpRescheduled(open.id(), lead.id(), due)), change.events());
        assertThrows(ValidationException.class, () -> open.reschedule(LATER.minusSeconds(1), LATER));
    }

    @Test
    void snoozingPutsOffFromTheDueTimeOrFromNowWhenThatHasPassed() {
        Duration hour = Duration.ofHours(1);
        assertEquals(open.dueAt().plus(hour), FollowUpChanges.snooze(open, hour, LATER).state().dueAt());
        Instant afterDue = open.dueAt().plusSeconds(600);
        assertEquals(afterDue.plus(hour), open.snooze(hour, afterDue).dueAt());
        assertThrows(ValidationException.class, () -> open.snooze(Duration.ZERO, LATER));
        assertThrows(ValidationException.class, () -> open.snooze(Duration.ofMinutes(-1), LATER));
    }
}
