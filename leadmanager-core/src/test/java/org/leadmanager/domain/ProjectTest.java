package org.leadmanager.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

class ProjectTest {
    private static final StatusKey NEW = StatusKey.of("new");
    private static final StatusKey CONTACTED = StatusKey.of("contacted");
    private static final StatusKey WON = StatusKey.of("won");

    private final Project project = Project.create(new ProjectId(UUID.randomUUID()), TenantId.of("t"), "Leadmanager",
            ProjectKind.PROJECT, List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                    LeadStatus.of("contacted", "Contacted", StatusCategory.OPEN),
                    LeadStatus.of("won", "Customer", StatusCategory.WON)),
            NEW, Instant.EPOCH);

    @Test
    void theDefaultStatusMustBeOpen() {
        ValidationException e = assertThrows(ValidationException.class, () -> project.withDefaultStatus(WON));
        assertEquals("defaultStatus", e.violations().get(0).path());
    }

    @Test
    void statusKeysAreUnique() {
        assertThrows(ConflictException.class,
                () -> project.withStatusAdded(LeadStatus.of("won", "Again", StatusCategory.WON), null));
    }

    @Test
    void retiringTheDefaultMakesTheReplacementDefaultAndDropsItsTransitions() {
        Project restricted = project.withTransitions(Map.of(NEW, Set.of(CONTACTED), CONTACTED, Set.of(NEW, WON)));

        Project retired = restricted.withStatusRetired(NEW, CONTACTED);

        assertEquals(CONTACTED, retired.defaultStatus());
        assertEquals(List.of(CONTACTED, WON), retired.statusOrder());
        assertEquals(Map.of(CONTACTED, Set.of(WON)), retired.transitions());
    }

    @Test
    void transitionsRestrictOnlyStatusesThatHaveAnEntry() {
        Project restricted = project.withTransitions(Map.of(NEW, Set.of(CONTACTED)));

        assertTrue(restricted.allowsTransition(NEW, CONTACTED));
        assertFalse(restricted.allowsTransition(NEW, WON));
        assertTrue(restricted.allowsTransition(CONTACTED, NEW));
    }

    @Test
    void reorderMustNameEveryStatusOnce() {
        assertThrows(ValidationException.class, () -> project.withStatusesReordered(List.of(WON, NEW)));
        assertEquals(List.of(WON, NEW, CONTACTED),
                project.withStatusesReordered(List.of(WON, NEW, CONTACTED)).statusOrder());
    }

    @Test
    void unknownStatusNamesTheKnownOnes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> project.requireStatus(StatusKey.of("lost"), "status"));
        assertEquals("unknown status 'lost' in project 'Leadmanager'; known: [new, contacted, won]",
                e.violations().get(0).message());
    }
}
