package org.leadmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.Times;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.host.UserDirectory;

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
        assertEquals("must be 1 to 200 characters", e.violations().get(0).message(), "a name must not be blank either");
        assertEquals("Size", e.violations().get(0).code());
        assertEquals(Map.of("min", "0", "max", "200"), e.violations().get(0).arguments());
        verifyNoInteractions(store);
    }

    @Test
    void messagesDoNotFollowTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            ValidationException e = assertThrows(ValidationException.class, () -> leads.projects().create(manager,
                    new Projects.Create("x".repeat(201), null, List.of(), null)));
            assertEquals(List.of("command.defaultStatus: NotNull: must not be null",
                            "command.kind: NotNull: must not be null",
                            "command.name: Size: must be 1 to 200 characters",
                            "command.statuses: NotEmpty: must not be empty"),
                    e.violations().stream().map(v -> v.path() + ": " + v.code() + ": " + v.message()).toList());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void textNoStoreCanHoldIsRejectedWhereverItIsNested() {
        ProjectId project = new ProjectId(UUID.randomUUID());
        ValidationException e = assertThrows(ValidationException.class, () -> leads.search().find(manager,
                LeadQuery.firstPage(project, LeadCriteria.all().withText("a\u0000b")
                        .withField(ContactField.CITY, "Ber\uD800lin"))));

        assertEquals(List.of("query.criteria.fields[CITY]", "query.criteria.text"),
                e.violations().stream().map(ValidationException.Violation::path).toList());
        assertEquals(Map.of("index", "3", "codePoint", "U+D800"), e.violations().get(0).arguments());
        assertEquals(Map.of("index", "1", "codePoint", "U+0000"), e.violations().get(1).arguments());
        e.violations().forEach(v -> assertEquals("Characters", v.code()));
        assertThrows(ValidationException.class, () -> leads.projects().rename(manager, project, "ok\uFFFF"));
        assertThrows(ValidationException.class, () -> leads.leads().addNote(manager,
                new org.leadmanager.domain.LeadId(UUID.randomUUID()), "\uDBFF\uDFFF is a non-character"));
        assertThrows(ValidationException.class, () -> leads.search().find(manager,
                new LeadQuery(project, LeadCriteria.all(), LeadSort.ascending(org.leadmanager.domain.search.SortField.NAME), 10, "bad\u0000cursor")));
        verifyNoInteractions(store, publisher);
    }

    @Test
    void instantsOutsideWhatStoresHoldAreRejectedBeforeTheStore() {
        ProjectId project = new ProjectId(UUID.randomUUID());
        ValidationException e = assertThrows(ValidationException.class, () -> leads.search().countByStatus(manager,
                project, LeadCriteria.all().withCreated(Instant.MAX, null).withLastActivity(null, Instant.MIN)));

        assertEquals(List.of("criteria.activityTo", "criteria.createdFrom"),
                e.violations().stream().map(ValidationException.Violation::path).toList());
        e.violations().forEach(v -> assertEquals("TimeRange", v.code()));
        assertThrows(ValidationException.class, () -> leads.search().find(manager, LeadQuery.firstPage(project,
                LeadCriteria.all().withFollowUpDueBefore(Times.LATEST.plusNanos(1000)))));
        verifyNoInteractions(store, publisher);
    }
}
