package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.OFFER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.Project;

/**
 * The unit-of-work promises of the store SPI that the public API cannot show on a store whose units of work never
 * overlap (such as the in-memory one, which runs them one at a time): updates check the version, a failing unit of
 * work leaves no trace, nested units of work join the outer one. On stores with overlapping units of work these
 * are what keeps the concurrency contract from losing updates. These tests call {@link #store()} directly.
 */
public abstract class UnitOfWorkContract extends ContractBase {

    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("failing unit of work (TCK)");
        }
    }

    private Lead stored(Lead lead) {
        return fx.store.inTransaction(s -> s.leads().find(fx.tenant, lead.id()).orElseThrow());
    }

    @Test
    void updatesWithAnOutdatedVersionAreRefused() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        Note note = lm().leads().addNote(manager(), lead.id(), "first");
        FollowUp followUp = lm().followUps().schedule(manager(), lead.id(),
                fx.clock.instant().plus(Duration.ofDays(1)), "call");
        Instant now = fx.clock.instant();
        Lead old = stored(lead);
        Project oldProject = fx.reload(project.id());
        Note oldNote = lm().leads().notes(manager(), lead.id()).get(0);
        FollowUp oldFollowUp = lm().followUps().forLead(manager(), lead.id()).get(0);

        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        lm().projects().rename(manager(), project.id(), "Renamed");
        lm().leads().editNote(manager(), note.id(), "second");
        lm().followUps().snooze(manager(), followUp.id(), Duration.ofHours(1));

        assertThrowsExactly(StaleModificationException.class,
                () -> fx.store.inTransaction(s -> s.leads().update(old.withStatus(OFFER, null, now))));
        assertThrowsExactly(StaleModificationException.class,
                () -> fx.store.inTransaction(s -> s.projects().update(oldProject.renamed("Lost update"))));
        assertThrowsExactly(StaleModificationException.class,
                () -> fx.store.inTransaction(s -> s.notes().update(oldNote.edited("lost update", now))));
        assertThrowsExactly(StaleModificationException.class,
                () -> fx.store.inTransaction(s -> s.followUps().update(oldFollowUp.complete(now))));
        assertThrowsExactly(StaleModificationException.class,
                () -> fx.store.inTransaction(s -> {
                    s.leads().delete(old);
                    return null;
                }));
        assertEquals(CONTACTED, fx.reload(lead.id()).status());
        assertEquals("Renamed", fx.reload(project.id()).name());
        assertEquals("second", lm().leads().notes(manager(), lead.id()).get(0).text());
        assertTrue(lm().followUps().forLead(manager(), lead.id()).get(0).open());
    }

    @Test
    void everyUpdateReturnsANewVersion() {
        Lead lead = fx.lead(fx.project("Solar roofs").id());
        Lead first = stored(lead);
        Lead second = fx.store.inTransaction(s -> s.leads().update(first.touched(fx.clock.instant())));
        Lead third = fx.store.inTransaction(s -> s.leads().update(second.touched(fx.clock.instant())));
        assertTrue(first.version() != second.version() && second.version() != third.version(),
                first.version() + ", " + second.version() + ", " + third.version());
        assertEquals(third.version(), stored(lead).version());
    }

    @Test
    void aFailingUnitOfWorkLeavesNoTrace() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        TenantSnapshot before = fx.snapshot();
        Instant now = fx.clock.instant();
        Boom boom = new Boom();

        RuntimeException thrown = assertThrows(Boom.class, () -> fx.store.inTransaction(s -> {
            Lead current = s.leads().find(fx.tenant, lead.id()).orElseThrow();
            s.leads().update(current.withStatus(OFFER, null, now));
            s.notes().insert(new Note(new org.leadmanager.domain.NoteId(UUID.randomUUID()), fx.tenant, lead.id(),
                    fx.mia, "never", now, null, 0));
            s.projects().update(s.projects().find(fx.tenant, project.id()).orElseThrow().renamed("Never"));
            s.recordEvents(List.of(new EventEnvelope(UUID.randomUUID(), fx.tenant, fx.mia, now,
                    new DomainEvent.LeadStatusChanged(lead.id(), project.id(), TckFixture.NEW, OFFER))));
            throw boom;
        }));

        assertSame(boom, thrown, "the work's exception is rethrown as it is");
        fx.relayEvents();
        assertEquals(before, fx.snapshot(), "nothing of the failed unit of work is visible or published");
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOne() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        Instant now = fx.clock.instant();

        assertThrows(Boom.class, () -> fx.store.inTransaction(outer -> {
            Lead current = outer.leads().find(fx.tenant, lead.id()).orElseThrow();
            outer.leads().update(current.withStatus(OFFER, null, now));
            Lead seen = fx.store.inTransaction(inner -> inner.leads().find(fx.tenant, lead.id()).orElseThrow());
            assertEquals(OFFER, seen.status(), "the inner unit of work sees the outer one's change");
            fx.store.inTransaction(inner -> inner.leads().update(seen.withStatus(CONTACTED, null, now)));
            throw new Boom();
        }));

        assertEquals(TckFixture.NEW, fx.reload(lead.id()).status(), "the outer failure undid the inner change");
    }
}
