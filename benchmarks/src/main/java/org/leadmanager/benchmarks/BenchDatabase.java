package org.leadmanager.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.leadmanager.jpa.JpaLeadStore;

/**
 * A database of its own for one scenario on the harness's embedded server, created from the store's shipped
 * PostgreSQL script; connection pools (HikariCP, used by both the store and the baselines) and
 * EntityManagerFactories on it; dropped on close.
 */
final class BenchDatabase implements AutoCloseable {
    private final String name;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private BenchDatabase(String name) {
        this.name = name;
    }

    static BenchDatabase create(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        BenchDatabase db = new BenchDatabase(name);
        db.script(JpaLeadStore.SCHEMA_LOCATION + "/postgresql/V1__leadmanager_schema.sql");
        return db;
    }

    private static String adminUrl() {
        return "jdbc:postgresql://localhost:" + Bench.port() + "/postgres?user=postgres";
    }

    /** With {@code reWriteBatchedInserts}, as the store's documentation recommends and the baselines use. */
    String url() {
        return "jdbc:postgresql://localhost:" + Bench.port() + "/" + name + "?user=postgres&reWriteBatchedInserts=true";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    HikariDataSource pool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setPoolName(poolName);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        HikariDataSource ds = new HikariDataSource(config);
        resources.add(ds);
        return ds;
    }

    /** Hibernate on the pool; the mapping was validated against the script by the store's own tests. */
    EntityManagerFactory emf(DataSource dataSource) {
        PersistenceConfiguration config = new PersistenceConfiguration("bench-" + name)
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                .validationMode(ValidationMode.NONE)
                .property("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        JpaLeadStore.entityClasses().forEach(config::managedClass);
        EntityManagerFactory emf = config.createEntityManagerFactory();
        resources.add(emf::close);
        return emf;
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs a classpath script of statements that end with ';' at the end of a line. */
    void script(String resource) throws SQLException {
        String text;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(resource),
                resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            sql.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String statement = sql.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                sql.setLength(0);
            }
        }
        execute(statements.toArray(String[]::new));
    }

    @Override
    public void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
