package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The shipped script matches the mapping: every factory in these tests is created with
 * {@code hibernate.hbm2ddl.auto=validate}; here we check that validation really looks, and the two ways a host
 * adds the entities.
 */
abstract class SchemaBehaviour extends StoreTestBase {

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
}
