package org.leadmanager.examples;

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
import java.util.Locale;
import org.leadmanager.jpa.JpaLeadStore;

/**
 * A database for the examples: installs the Lead Manager schema from the jar's script when the tables are missing,
 * then opens a JPA EntityManagerFactory with the store's entities. A real host runs the script through its own
 * migrations (Flyway, Liquibase) and uses its own connection pool.
 */
public final class DemoDatabase {
    /** Embedded H2, nothing to install. */
    public static final String DEFAULT_URL = "jdbc:h2:mem:leadmanager-demo;DB_CLOSE_DELAY=-1";

    private DemoDatabase() {
    }

    /** Opens a factory on the JDBC URL (H2, PostgreSQL or MariaDB), creating the schema first if needed. */
    public static EntityManagerFactory open(String jdbcUrl) {
        installSchema(jdbcUrl);
        PersistenceConfiguration config = new PersistenceConfiguration("leadmanager-examples")
                .property(PersistenceConfiguration.JDBC_URL, jdbcUrl)
                // Hibernate Validator comes with the core (no EL): entity validation by the provider stays off
                .validationMode(ValidationMode.NONE)
                .property("hibernate.connection.pool_size", 8);
        JpaLeadStore.entityClasses().forEach(config::managedClass);
        return config.createEntityManagerFactory();
    }

    private static void installSchema(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            if (hasTable(c)) {
                return;
            }
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String kind = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : "mariadb";
            String script = read(JpaLeadStore.SCHEMA_LOCATION + "/" + kind + "/V1__leadmanager_schema.sql");
            try (Statement st = c.createStatement()) {
                StringBuilder sql = new StringBuilder();
                for (String line : script.split("\n")) {
                    if (line.strip().startsWith("--")) {
                        continue;
                    }
                    sql.append(line).append('\n');
                    if (line.strip().endsWith(";")) {
                        st.execute(sql.toString().strip().replaceAll(";$", ""));
                        sql.setLength(0);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot install the Lead Manager schema on " + jdbcUrl, e);
        }
    }

    private static boolean hasTable(Connection c) throws SQLException {
        for (String name : new String[] {"lm_lead", "LM_LEAD"}) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String read(String resource) {
        try (InputStream in = DemoDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
