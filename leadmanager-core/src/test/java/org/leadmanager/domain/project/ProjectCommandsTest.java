package org.leadmanager.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.domain.DomainFixture.LOST;
import static org.leadmanager.domain.DomainFixture.NEW;
import static org.leadmanager.domain.DomainFixture.SPAM;
import static org.leadmanager.domain.DomainFixture.WON;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.ProjectChanges;
import org.leadmanager.error.ValidationException;

/** The project's commands and the one event they cause. */
class ProjectCommandsTest {
    private final Project project = DomainFixture.project();

    @Test
    void eachChangeSaysWhatChanged() {
        Changed<Project> renamed = ProjectChanges.rename(project, "Heat pumps");

        assertEquals("Heat pumps", renamed.state().name());
        assertEquals(List.of(new DomainEvent.ProjectChanged(project.id(), "renamed")), renamed.events());
        assertEquals(List.of(new DomainEvent.ProjectChanged(project.id(), "status retired: lost -> spam")),
                ProjectChanges.retireStatus(project, LOST, SPAM).events());
    }

    @Test
    void archivingTwiceChangesNothingTheSecondTime() {
        Changed<Project> archived = ProjectChanges.archive(project);
        assertTrue(archived.state().archived());

        Changed<Project> again = ProjectChanges.archive(archived.state());

        assertFalse(again.changed());
        assertSame(archived.state(), again.state());
    }

    @Test
    void retiringTheDefaultNeedsAnOpenReplacement() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ProjectChanges.retireStatus(project, NEW, WON));
        assertEquals("replacement", e.violations().get(0).path());
    }

    @Test
    void aRefusedCommandCausesNothing() {
        assertThrows(ValidationException.class, () -> ProjectChanges.rename(project, " "));
        assertEquals("Solar roofs", project.name(), "the project is immutable: the refused command left it as it was");
    }
}
