package org.leadmanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.spi.ContactDirectory;
import org.leadmanager.spi.EventPublisher;
import org.leadmanager.spi.LeadStore;
import org.leadmanager.spi.UserDirectory;

/** Rejected input never reaches the store or the host: the store mock must see no call at all. */
class ValidationAtTheEdgeTest {
    private final LeadStore store = mock(LeadStore.class);
    private final EventPublisher publisher = mock(EventPublisher.class);
    private final LeadManager leads = LeadManager.builder()
            .store(store)
            .contacts(mock(ContactDirectory.class))
            .users(mock(UserDirectory.class))
            .events(publisher)
            .clock(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC))
            .build();
    private final Actor manager = Actor.manager(TenantId.of("t1"), UserId.of("u1"));

    @Test
    void everyViolationOfACommandIsReportedAtOnceWithItsPath() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> leads.projects().create(manager, new Projects.Create(" ", null, List.of(), null)));

        assertEquals(List.of("command.defaultStatus", "command.kind", "command.name", "command.statuses"),
                e.violations().stream().map(ValidationException.Violation::path).toList());
        verifyNoInteractions(store, publisher);
    }

    @Test
    void nullArgumentsAreViolationsNotNullPointers() {
        ValidationException e = assertThrows(ValidationException.class, () -> leads.leads().get(null, null));

        assertEquals(List.of("actor", "lead"),
                e.violations().stream().map(ValidationException.Violation::path).toList());
        verifyNoInteractions(store);
    }

    @Test
    void oversizedTextIsRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> leads.projects().rename(manager, new org.leadmanager.domain.ProjectId(java.util.UUID.randomUUID()),
                        "x".repeat(201)));

        assertEquals("name", e.violations().get(0).path());
        assertEquals("size must be between 0 and 200", e.violations().get(0).message());
        verifyNoInteractions(store);
    }
}
