package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.leadmanager.error.StoreException;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
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
    /** Longest mapped length that is a varchar in every script; longer texts are text columns. */
    private static final int MAX_VARCHAR = 2000;

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

    /**
     * The derived text columns hold the longest text the library accepts as it becomes when derived (lower case may
     * double a text, see {@code CaseFolding}): the script's sizes, as the database reports them, are the constants
     * the mapping and the folding's bound give.
     */
    @Test
    void derivedTextColumnsAreSizedForTheLongestDerivedText() throws SQLException {
        Map<String, Integer> expected = new TreeMap<>();
        for (String key : List.of("name_key", "email_key", "company_key")) {
            expected.put("lm_lead." + key, Keys.LOWER_LENGTH);
        }
        for (String fold : List.of("name_fold", "email_fold", "phone_fold", "company_fold", "city_fold")) {
            expected.put("lm_lead." + fold, Keys.FOLD_LENGTH);
        }
        expected.put("lm_project.name_key", Keys.FOLD_LENGTH);
        expected.put("lm_lead_word.word", Keys.WORD_LENGTH);
        assertEquals(2 * Text.MAX_NAME, Keys.LOWER_LENGTH, "lower case can double a text");

        Map<String, Integer> sizes = columnSizes();

        expected.forEach((column, size) -> assertEquals(size, sizes.get(column), column));
    }

    /** Every bounded text column of the mapping has the size the mapping gives it, so no value outgrows it. */
    @Test
    void everyBoundedTextColumnHasTheMappedSize() throws SQLException {
        Map<String, Integer> mapped = new TreeMap<>();
        mappedColumns().forEach((column, annotation) -> {
            if (annotation.type() == String.class && annotation.length() <= MAX_VARCHAR) {
                mapped.put(column, annotation.length());
            }
        });
        assertTrue(mapped.containsKey("lm_lead.name_key"), mapped.toString());
        assertTrue(mapped.containsKey("lm_project_status.label"), mapped.toString());

        Map<String, Integer> sizes = columnSizes();

        Map<String, String> differing = new TreeMap<>();
        mapped.forEach((column, length) -> {
            if (!length.equals(sizes.get(column))) {
                differing.put(column, "mapped " + length + ", stored " + sizes.get(column));
            }
        });
        assertEquals(Map.of(), differing);
    }

    /** The bulk insert statements write exactly the lead columns the provider would, nothing more or less. */
    @Test
    void theBulkInsertColumnsAreTheMappedLeadColumns() {
        Set<String> mapped = new TreeSet<>();
        mappedColumns().forEach((column, annotation) -> {
            if (column.startsWith("lm_lead.") && annotation.insertable()) {
                mapped.add(column.substring("lm_lead.".length()));
            }
        });

        assertEquals(mapped, new TreeSet<>(LeadRows.COLUMNS.stream().map(LeadRows.Column::name).toList()));
    }

    /** A mapped column: its Java type and the annotation's length and whether inserts write it. */
    private record Mapped(Class<?> type, int length, boolean insertable) {
    }

    /**
     * The mapping's columns by {@code table.column}, read from the annotations of the entities and of the
     * element collections (their own column, a map's key column, or the fields of an embeddable element).
     */
    private static Map<String, Mapped> mappedColumns() {
        Map<String, Mapped> columns = new TreeMap<>();
        for (Class<?> entity : JpaLeadStore.entityClasses()) {
            Table table = entity.getAnnotation(Table.class);
            if (table == null) {
                continue;
            }
            for (Field f : entity.getDeclaredFields()) {
                CollectionTable collection = f.getAnnotation(CollectionTable.class);
                if (collection == null) {
                    put(columns, table.name(), f.getAnnotation(Column.class), f.getType());
                    continue;
                }
                MapKeyColumn key = f.getAnnotation(MapKeyColumn.class);
                if (key != null) {
                    columns.put(collection.name() + "." + key.name(), new Mapped(String.class, key.length(), true));
                }
                Type[] elementTypes = ((ParameterizedType) f.getGenericType()).getActualTypeArguments();
                Class<?> element = (Class<?>) elementTypes[elementTypes.length - 1];
                if (element.isAnnotationPresent(Embeddable.class)) {
                    for (Field part : element.getDeclaredFields()) {
                        put(columns, collection.name(), part.getAnnotation(Column.class), part.getType());
                    }
                } else {
                    put(columns, collection.name(), f.getAnnotation(Column.class), element);
                }
            }
        }
        return columns;
    }

    private static void put(Map<String, Mapped> columns, String table, Column column, Class<?> type) {
        if (column != null) {
            columns.put(table + "." + column.name(), new Mapped(type, column.length(), column.insertable()));
        }
    }

    /** Declared sizes of the character columns of the {@code lm_} tables, by {@code table.column} in lower case. */
    private Map<String, Integer> columnSizes() throws SQLException {
        Map<String, Integer> sizes = new TreeMap<>();
        try (Connection c = db().connect();
                ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.startsWith("lm_")) {
                    sizes.put(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            rs.getInt("COLUMN_SIZE"));
                }
            }
        }
        return sizes;
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
            assertMissing(script, "lm_event", () -> store.read(s -> s.projects().findAll(fx.tenant)));
            assertMissing(script, "lm_event", fx::relayEvents);
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
            assertEquals(1, fx.relayEvents(), "the relay works too");
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
