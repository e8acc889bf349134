package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.leadmanager.StoreException;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.EventPublisher;
import org.leadmanager.tck.TckFixture;

/**
 * The shipped script matches the mapping: every factory in these tests is created with
 * {@code hibernate.hbm2ddl.auto=validate}; here we check that validation really looks, and the two ways a host
 * adds the entities. Without Hibernate's validation, the store checks the schema itself: a missing table or column
 * is a {@link StoreException} naming it and the script, as is any other database error without library meaning.
 */
abstract class SchemaBehaviour extends StoreTestBase {
    /** A factory that does not look at the schema, as a host's usually does not. */
    private static final Map<String, Object> NO_VALIDATION = Map.of("hibernate.hbm2ddl.auto", "none");

    /** A new database of the same kind, created from the script. */
    abstract TestDatabase freshDatabase();

    @Test
    void theScriptValidatesAndValidationNoticesADriftingSchema() throws Exception {
        try (TestDatabase fresh = freshDatabase()) {
            fresh.newEmf().close();
            try (Connection c = fresh.connect(); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE lm_lead DROP COLUMN city_fold");
            }
            Exception error = assertThrows(Exception.class, fresh::newEmf);
            assertTrue(String.valueOf(error.getCause()).contains("city_fold")
                    || String.valueOf(error.getMessage()).contains("city_fold"), String.valueOf(error));
        }
    }

    @Test
    void aPersistenceUnitCanListTheEntitiesByTheMappingFile() {
        EntityManagerFactory emf = new PersistenceConfiguration("mapping-file")
                .property(PersistenceConfiguration.JDBC_URL, db().url())
                .property("hibernate.hbm2ddl.auto", "validate")
                .validationMode(ValidationMode.NONE)
                .mappingFile(JpaLeadStore.MAPPING_FILE)
                .createEntityManagerFactory();
        try {
            JpaLeadStore store = JpaLeadStore.create(emf);
            assertTrue(store.inTransaction(s -> s.projects().findAll(Fixtures.tenant())).isEmpty());
        } finally {
            emf.close();
        }
    }

    @Test
    void aFactoryWithoutTheEntitiesIsRejectedWithAPointer() {
        EntityManagerFactory emf = new PersistenceConfiguration("no-entities")
                .property(PersistenceConfiguration.JDBC_URL, db().url())
                .validationMode(ValidationMode.NONE)
                .createEntityManagerFactory();
        try {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> JpaLeadStore.create(emf));
            assertTrue(error.getMessage().contains(JpaLeadStore.MAPPING_FILE), error.getMessage());
        } finally {
            emf.close();
        }
    }

    @Test
    void anEmptyDatabaseFailsEveryCallWithTheMissingTablesAndTheScriptUntilTheScriptRuns() throws Exception {
        try (TestDatabase empty = db().newEmpty()) {
            EntityManagerFactory emf = empty.newEmf(NO_VALIDATION);
            JpaLeadStore store = JpaLeadStore.create(emf);
            TckFixture fx = TckFixture.create(store);
            String script = empty.script();

            assertMissing(script, "lm_project", () -> fx.lm.projects().list(fx.manager));
            assertMissing(script, "lm_project", () -> fx.project("Before the script"));
            assertMissing(script, "lm_outbox", () -> store.read(s -> s.projects().findAll(fx.tenant)));
            assertMissing(script, "lm_relay_lock", () -> store.relayEvents(EventPublisher.none()));
            EntityManager host = emf.createEntityManager();
            try {
                JpaLeadStore joined = JpaLeadStore.builder(emf).joinHostTransactions(() -> host).build();
                host.getTransaction().begin();
                assertMissing(script, "lm_lead", () -> joined.inTransaction(s -> s.projects().findAll(fx.tenant)));
                host.getTransaction().rollback();
            } finally {
                host.close();
            }

            TestDatabase.runScript(empty, script);
            Project project = fx.project("After the script");
            assertEquals(project.name(), fx.lm.projects().get(fx.manager, project.id()).name());
            assertEquals(1, fx.lm.projects().list(fx.manager).size());
            assertEquals(0, store.relayEvents(EventPublisher.none()), "the relay works too");
        }
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        try (TestDatabase fresh = freshDatabase()) {
            fresh.execute("ALTER TABLE lm_lead DROP COLUMN city_fold");
            JpaLeadStore store = JpaLeadStore.create(fresh.newEmf(NO_VALIDATION));
            StoreException error = assertThrows(StoreException.class,
                    () -> store.read(s -> s.projects().findAll(Fixtures.tenant())));
            assertTrue(error.getMessage().contains("lm_lead.city_fold"), error.getMessage());
            assertTrue(error.getMessage().contains(fresh.script()), error.getMessage());
        }
    }

    @Test
    void tablesInAnotherSchemaDoNotCount() throws Exception {
        try (TestDatabase empty = db().newEmpty()) {
            try (Connection c = empty.connect(); Statement st = c.createStatement()) {
                for (String statement : empty.switchToNewSchema("elsewhere")) {
                    st.execute(statement);
                }
                TestDatabase.runScript(c, empty.script());
            }
            JpaLeadStore store = JpaLeadStore.create(empty.newEmf(NO_VALIDATION));
            assertMissing(empty.script(), "lm_project", () -> store.read(s -> s.projects().findAll(Fixtures.tenant())));
        }
    }

    @Test
    void aDatabaseErrorWithoutLibraryMeaningIsAStoreExceptionWithTheDriversFailureAsCause() throws Exception {
        try (TestDatabase fresh = freshDatabase()) {
            JpaLeadStore store = JpaLeadStore.create(fresh.newEmf());
            TckFixture fx = TckFixture.create(store);
            Project project = fx.project("Drifting");
            Lead lead = fx.lead(project.id());
            // after the store checked the schema: only the database notices
            fresh.execute("ALTER TABLE lm_lead DROP COLUMN city_fold");

            assertDatabaseError(() -> fx.lead(project.id()));
            assertDatabaseError(() -> store.read(s -> s.leads().find(fx.tenant, lead.id())));
        }
    }

    private static void assertMissing(String script, String table, Executable call) {
        StoreException error = assertThrows(StoreException.class, call);
        assertTrue(error.getMessage().contains(table) && error.getMessage().contains(script), error.getMessage());
    }

    private static void assertDatabaseError(Executable call) {
        StoreException error = assertThrows(StoreException.class, call);
        assertTrue(error.getMessage().contains("SQLState"), error.getMessage());
        boolean sqlCause = false;
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            sqlCause |= t instanceof SQLException;
        }
        assertTrue(sqlCause, "the driver's failure is kept as the cause: " + error.getCause());
    }
}
