package org.leadmanager.domain.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.FollowUpChanges;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.LeadManagerException;

/** Whatever is done to a follow-up, once closed it never changes again, and every change says what it did. */
class FollowUpPropertiesTest {

    /** complete, cancel, reschedule by minutes (negative: into the past), snooze by minutes. */
    record Step(int kind, int minutes) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-120, 10_000)).as(Step::new).list().ofMaxSize(20);
    }

    private static Changed<FollowUp> apply(FollowUp f, Step step, Instant now) {
        return switch (step.kind()) {
            case 0 -> FollowUpChanges.complete(f, now);
            case 1 -> FollowUpChanges.cancel(f, now);
            case 2 -> FollowUpChanges.reschedule(f, now.plus(Duration.ofMinutes(step.minutes())), now);
            default -> FollowUpChanges.snooze(f, Duration.ofMinutes(step.minutes()), now);
        };
    }

    @Property
    void aClosedFollowUpNeverChangesAgain(@ForAll("steps") List<Step> steps) {
        FollowUp followUp = DomainFixture.followUp(DomainFixture.lead(DomainFixture.project()));
        Instant now = DomainFixture.T0;
        for (Step step : steps) {
            now = now.plusSeconds(30);
            FollowUp before = followUp;
            if (!before.open()) {
                Instant at = now;
                boolean badInput = step.kind() == 3 && step.minutes() <= 0;
                Class<? extends LeadManagerException> refusal = badInput ? LeadManagerException.class
                        : ConflictException.class;
                assertThrows(refusal, () -> apply(before, step, at), "closed: " + before);
                continue;
            }
            try {
                Changed<FollowUp> change = apply(before, step, now);
                followUp = change.state();
                assertEquals(1, change.events().size(), "one event per change");
                assertEquals(before.id(), followUp.id());
                if (!followUp.open()) {
                    assertEquals(now, followUp.closedAt());
                    assertEquals(null, followUp.claimableAt(), "a closed follow-up is never claimed");
                } else {
                    assertTrue(!followUp.dueAt().isBefore(now), "an open one is never moved into the past");
                    assertEquals(ReminderState.PENDING, followUp.reminder());
                }
            } catch (LeadManagerException refused) {
                assertTrue(before.open(), "only input is refused on an open follow-up");
            }
        }
    }
}
