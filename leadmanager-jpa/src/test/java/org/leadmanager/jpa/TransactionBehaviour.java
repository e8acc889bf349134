package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.tck.TckFixture;

/** Joining a transaction the host already has open. */
abstract class TransactionBehaviour extends StoreTestBase {

    @Test
    void joinsTheHostTransactionAndCommitsOnlyWithIt() {
        EntityManager host = db().emf().createEntityManager();
        JpaLeadStore joined = JpaLeadStore.builder(db().emf()).joinHostTransactions(() -> host).build();
        Project project = Fixtures.project(Fixtures.tenant(), "Host");
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), project.tenant(), Fixtures.ALICE, Fixtures.T0,
                new DomainEvent.NoteAdded(new LeadId(UUID.randomUUID()), new NoteId(UUID.randomUUID())));
        try {
            host.getTransaction().begin();
            joined.inTransaction(s -> {
                s.projects().insert(project);
                s.recordEvents(List.of(event));
                return null;
            });
            assertTrue(joined.inTransaction(s -> s.projects().find(project.tenant(), project.id())).isPresent(),
                    "visible inside the host transaction");
            assertTrue(tx(s -> s.projects().find(project.tenant(), project.id())).isEmpty(),
                    "not visible outside before the host commits");
            assertTrue(claim(event).isEmpty(), "events wait for the host's commit");
            host.getTransaction().commit();
        } finally {
            host.close();
        }
        assertTrue(tx(s -> s.projects().find(project.tenant(), project.id())).isPresent());
        assertEquals(List.of(event), claim(event));
    }

    /**
     * Work the database broke off (a deadlock, a serialization failure) runs again from the start in a new
     * transaction, the broken attempt rolled back; after the last attempt the caller gets the failure as
     * {@link StaleModificationException}. An optimistic-lock conflict is not run again.
     */
    @Test
    void workTheDatabaseBrokeOffRunsAgainWithTheBrokenAttemptRolledBack() {
        Project first = Fixtures.project(Fixtures.tenant(), "Broken off");
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        Project stored = tx(s -> {
            s.projects().insert(Fixtures.project(first.tenant(), "Attempt " + runs.get()));
            if (runs.incrementAndGet() == 1) {
                throw new jakarta.persistence.PessimisticLockException(new java.sql.SQLException(
                        "Deadlock found when trying to get lock", "40001", 1213));
            }
            s.projects().insert(first);
            return first;
        });

        assertEquals(2, runs.get());
        assertEquals(first.id(), stored.id());
        assertEquals(List.of("Attempt 1", "Broken off"), tx(s -> s.projects().findAll(first.tenant())).stream()
                .map(Project::name).toList(), "the first attempt's project is gone with its rollback");

        runs.set(0);
        assertThrows(StaleModificationException.class, () -> tx(s -> {
            runs.incrementAndGet();
            throw new jakarta.persistence.PersistenceException(new java.sql.SQLException("deadlock detected",
                    "40P01"));
        }));
        assertEquals(JpaLeadStore.BROKEN_OFF_ATTEMPTS, runs.get());
        runs.set(0);
        assertThrows(StaleModificationException.class, () -> tx(s -> {
            runs.incrementAndGet();
            throw new jakarta.persistence.OptimisticLockException("version");
        }));
        assertEquals(1, runs.get(), "a version conflict is the caller's to retry");
    }

    /** The event, if a relay of the store with its own transactions can claim it now (the claims are given back). */
    private List<EventEnvelope> claim(EventEnvelope event) {
        Instant now = Fixtures.now();
        return tx(s -> {
            List<ClaimedEvent> claimed = s.events().claim(now, 10_000, "tx-node", now.plusSeconds(60));
            s.events().release(claimed);
            return claimed;
        }).stream().map(ClaimedEvent::envelope).filter(event::equals).toList();
    }

    @Test
    void aSearchInARolledBackHostTransactionIsNotRememberedForLater() {
        TckFixture fx = TckFixture.create(store());
        Project project = fx.projectWithTeam("Remembered", fx.alice);
        fx.lead(project.id());
        EntityManager host = db().emf().createEntityManager();
        LeadManager joined = fx.newLeadManager(b -> b.store(JpaLeadStore.builder(db().emf())
                .joinHostTransactions(() -> host).build()));
        LeadQuery query = LeadQuery.firstPage(project.id(), LeadCriteria.all());
        try {
            host.getTransaction().begin();
            joined.projects().setTeam(fx.manager, project.id(), List.of(fx.bob));
            assertEquals(1, joined.search().find(fx.agent(fx.bob), query).leads().size(), "bob, uncommitted");
            host.getTransaction().rollback();
            // a different committed change takes the version the rolled-back one had
            fx.lm.projects().setTeam(fx.manager, project.id(), List.of(fx.carol));

            host.getTransaction().begin();
            assertThrows(AccessDeniedException.class, () -> joined.search().find(fx.agent(fx.bob), query));
            assertEquals(1, joined.search().find(fx.agent(fx.carol), query).leads().size());
            host.getTransaction().rollback();
        } finally {
            host.close();
        }
    }

    @Test
    void aHostRollbackDiscardsTheLibrarysChangesAndAFailureMarksItRollbackOnly() {
        EntityManager host = db().emf().createEntityManager();
        JpaLeadStore joined = JpaLeadStore.builder(db().emf()).joinHostTransactions(() -> host).build();
        Project project = Fixtures.project(Fixtures.tenant(), "Rolled back");
        try {
            host.getTransaction().begin();
            joined.inTransaction(s -> {
                s.projects().insert(project);
                return null;
            });
            assertThrows(ConflictException.class, () -> joined.inTransaction(s -> {
                s.projects().insert(Fixtures.project(project.tenant(), "ROLLED BACK"));
                return null;
            }));
            assertTrue(host.getTransaction().getRollbackOnly());
            host.getTransaction().rollback();
        } finally {
            host.close();
        }
        assertTrue(tx(s -> s.projects().find(project.tenant(), project.id())).isEmpty());
    }

    @Test
    void aReadRunsWithoutATransactionJoinsAnOuterOneAndRefusesChanges() {
        Project project = Fixtures.project(Fixtures.tenant(), "Read");
        run(s -> s.projects().insert(project));
        // the test pools hand out auto-commit connections: no transaction is begun for a read
        boolean autoCommit = store().read(s -> ((JpaSession) s).em.callWithConnection(
                (java.sql.Connection c) -> c.getAutoCommit()));
        assertTrue(autoCommit, "no transaction");
        assertTrue(store().read(s -> s.projects().find(project.tenant(), project.id())).isPresent());

        Project unsaved = Fixtures.project(project.tenant(), "Uncommitted");
        boolean seen = store().inTransaction(s -> {
            s.projects().insert(unsaved);
            return store().read(inner -> inner.projects().find(project.tenant(), unsaved.id())).isPresent();
        });
        assertTrue(seen, "a read inside a unit of work joins it and sees its changes");

        assertThrows(IllegalStateException.class, () -> store().read(s -> store().inTransaction(inner -> {
            inner.projects().insert(Fixtures.project(project.tenant(), "Inside a read"));
            return null;
        })));
        assertEquals(2, tx(s -> s.projects().findAll(project.tenant())).size(), "nothing written by the refused change");
    }

    /**
     * On PostgreSQL the event relay's claim asks for plans made per execution for the rest of its own transaction
     * ({@code SET LOCAL}), never in a host's transaction, where the setting would hold for the host's statements
     * after it.
     */
    @Test
    void theRelaysPlanSettingHoldsInItsOwnTransactionOnlyNeverInTheHosts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db().kind().equals("postgresql"), "a PostgreSQL setting");
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        String own = store().inTransaction(s -> {
            s.events().claim(now, 10, "node-1", now.plusSeconds(60));
            return planCacheMode((JpaSession) s);
        });
        assertEquals("force_custom_plan", own, "the relay's own transaction");
        assertEquals("auto", store().inTransaction(s -> planCacheMode((JpaSession) s)), "gone with it");

        EntityManager host = db().emf().createEntityManager();
        try {
            JpaLeadStore joined = JpaLeadStore.builder(db().emf()).joinHostTransactions(() -> host).build();
            host.getTransaction().begin();
            String inHost = joined.inTransaction(s -> {
                s.events().claim(now, 10, "node-1", now.plusSeconds(60));
                return planCacheMode((JpaSession) s);
            });
            host.getTransaction().rollback();
            assertEquals("auto", inHost, "the host's transaction keeps its setting");
        } finally {
            host.close();
        }
    }

    private static String planCacheMode(JpaSession s) {
        return s.em.callWithConnection((java.sql.Connection c) -> {
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SHOW plan_cache_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void refusesToWorkWithoutAnActiveHostTransaction() {
        EntityManager host = db().emf().createEntityManager();
        try {
            JpaLeadStore joined = JpaLeadStore.builder(db().emf()).joinHostTransactions(() -> host).build();
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> joined.inTransaction(s -> s.projects().findAll(Fixtures.tenant())));
            assertTrue(error.getMessage().contains("not joined to an active transaction"), error.getMessage());
        } finally {
            host.close();
        }
    }
}
