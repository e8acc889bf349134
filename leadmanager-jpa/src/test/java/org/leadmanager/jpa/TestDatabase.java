package org.leadmanager.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.leadmanager.tck.StoredText;

/**
 * A fresh database of one kind for one test class, created from the shipped schema script, with factories for
 * EntityManagerFactories (Hibernate validating the mapping against the script) and a shared store.
 */
abstract class TestDatabase implements AutoCloseable {
    static final String MARIADB_URL_VARIABLE = "LEADMANAGER_TEST_MARIADB_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private EntityManagerFactory emf;
    private JpaLeadStore store;

    /** "h2", "postgresql" or "mariadb": the script folder. */
    abstract String kind();

    /** JDBC URL of this class's database, credentials included. */
    abstract String url();

    static TestDatabase h2() {
        return new H2().init();
    }

    static TestDatabase postgres() {
        return new Postgres().init();
    }

    /** @throws org.opentest4j.TestAbortedException when no MariaDB is configured */
    static TestDatabase mariaDb() {
        String url = System.getenv(MARIADB_URL_VARIABLE);
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(),
                MARIADB_URL_VARIABLE + " is not set: no MariaDB to test against");
        return new MariaDb(url).init();
    }

    TestDatabase init() {
        createDatabase();
        runScript(this, script());
        return this;
    }

    /** The classpath script that creates the library's tables on this kind of database. */
    String script() {
        return "db/leadmanager/" + kind() + "/V1__leadmanager_schema.sql";
    }

    void createDatabase() {
    }

    /** A new database of the same kind without any table. */
    abstract TestDatabase newEmpty();

    /**
     * Statements that create a schema of the given name beside the current one (MariaDB: a database, which
     * {@link #close()} drops) and make it the connection's current one.
     */
    abstract List<String> switchToNewSchema(String name);

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** Every text of the library's tables ({@code lm_*}), the tables and columns read from the metadata. */
    StoredText storedText() {
        return StoredText.ofTables(this::connect, "lm_");
    }

    /** A new factory on this database; {@code hibernate.hbm2ddl.auto=validate} checks the mapping on creation. */
    EntityManagerFactory newEmf(Map<String, Object> extra) {
        PersistenceConfiguration config = new PersistenceConfiguration("leadmanager-" + kind());
        if (!extra.containsKey("hibernate.connection.datasource")) {
            config.property(PersistenceConfiguration.JDBC_URL, url());
        }
        config
                // the core brings Hibernate Validator without an EL implementation; the store validates nothing
                .validationMode(jakarta.persistence.ValidationMode.NONE)
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.connection.pool_size", 8)
                // as pools hand connections out by default (HikariCP): LeadStore.read then runs without a transaction
                .property("hibernate.connection.autocommit", true)
                .property("hibernate.generate_statistics", true);
        JpaLeadStore.entityClasses().forEach(config::managedClass);
        config.properties(extra);
        EntityManagerFactory factory = config.createEntityManagerFactory();
        synchronized (factories) {
            factories.add(factory);
        }
        return factory;
    }

    EntityManagerFactory newEmf() {
        return newEmf(Map.of());
    }

    synchronized EntityManagerFactory emf() {
        if (emf == null) {
            emf = newEmf();
        }
        return emf;
    }

    synchronized JpaLeadStore store() {
        if (store == null) {
            store = JpaLeadStore.create(emf());
        }
        return store;
    }

    @Override
    public void close() {
        synchronized (factories) {
            factories.forEach(EntityManagerFactory::close);
            factories.clear();
        }
        dropDatabase();
    }

    void dropDatabase() {
    }

    /** Closes this database when the test JVM exits. */
    TestDatabase closeAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "close " + kind() + " test database"));
        return this;
    }

    @Override
    public String toString() {
        return kind();
    }

    /** Runs a script of statements ending with ';' at the end of a line. */
    static void runScript(TestDatabase db, String resource) {
        try (Connection c = db.connect()) {
            runScript(c, resource);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + resource + " on " + db.kind() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a script of statements ending with ';' at the end of a line on the connection. */
    static void runScript(Connection connection, String resource) throws SQLException {
        String script;
        try (InputStream in = Objects.requireNonNull(TestDatabase.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sql = new StringBuilder();
        try (Statement st = connection.createStatement()) {
            for (String line : script.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String statement = sql.toString().strip();
                    st.execute(statement.substring(0, statement.length() - 1));
                    sql.setLength(0);
                }
            }
        }
    }

    /** Runs statements on a connection of its own. */
    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    static String uniqueName(String prefix) {
        return prefix + "_" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final class H2 extends TestDatabase {
        private final String url = "jdbc:h2:mem:" + uniqueName("lm") + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

        @Override
        String kind() {
            return "h2";
        }

        @Override
        TestDatabase newEmpty() {
            return new H2();
        }

        @Override
        List<String> switchToNewSchema(String name) {
            return List.of("CREATE SCHEMA " + name, "SET SCHEMA " + name);
        }

        @Override
        String url() {
            return url;
        }

        @Override
        void dropDatabase() {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    /** One embedded PostgreSQL 17 per test JVM, started on first use; one database per test class. */
    private static final class Postgres extends TestDatabase {
        private static EmbeddedPostgres server;
        private final String name = uniqueName("lm").toLowerCase();

        private static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
                }
            }
            return server;
        }

        @Override
        String kind() {
            return "postgresql";
        }

        @Override
        TestDatabase newEmpty() {
            Postgres empty = new Postgres();
            empty.createDatabase();
            return empty;
        }

        @Override
        List<String> switchToNewSchema(String name) {
            return List.of("CREATE SCHEMA " + name, "SET search_path TO " + name);
        }

        @Override
        String url() {
            return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name
                    + "?user=postgres&reWriteBatchedInserts=true";
        }

        @Override
        void createDatabase() {
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void dropDatabase() {
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A database per test class on the server of {@value #MARIADB_URL_VARIABLE}, named after the URL's. */
    private static final class MariaDb extends TestDatabase {
        private final String givenUrl;
        private final String serverUrl;
        private final String query;
        private final String name;
        private final List<String> others = new ArrayList<>();

        MariaDb(String url) {
            this.givenUrl = url;
            // jdbc:mariadb://host:port/database?params
            int slash = url.indexOf('/', "jdbc:mariadb://".length());
            int q = url.indexOf('?');
            String base = q < 0 ? url : url.substring(0, q);
            this.query = q < 0 ? "" : url.substring(q);
            this.serverUrl = slash < 0 ? base : base.substring(0, slash);
            String database = slash < 0 || slash + 1 >= base.length() ? "leadmanager_test" : base.substring(slash + 1);
            this.name = uniqueName(database).toLowerCase();
        }

        @Override
        String kind() {
            return "mariadb";
        }

        @Override
        TestDatabase newEmpty() {
            MariaDb empty = new MariaDb(givenUrl);
            empty.createDatabase();
            return empty;
        }

        @Override
        List<String> switchToNewSchema(String schema) {
            String database = name + "_" + schema.toLowerCase();
            synchronized (others) {
                others.add(database);
            }
            return List.of("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
                    "USE " + database);
        }

        @Override
        String url() {
            return serverUrl + "/" + name + query;
        }

        @Override
        void createDatabase() {
            try (Connection c = DriverManager.getConnection(serverUrl + "/" + query);
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the MariaDB database " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        void dropDatabase() {
            try (Connection c = DriverManager.getConnection(serverUrl + "/" + query);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
                synchronized (others) {
                    for (String other : others) {
                        st.execute("DROP DATABASE IF EXISTS " + other);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
