package org.leadmanager.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.leadmanager.jpa.JpaLeadStore;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates or updates the library's tables at start with Flyway, in a history table of its own (default
 * {@code lm_flyway_history}), so it neither clashes with the host's own Flyway history nor minds the host's tables
 * in the same schema. Runs before the {@code EntityManagerFactory} is built and after the host's own Flyway
 * migration, if any.
 */
public final class LeadManagerFlywayMigration implements InitializingBean {
    private final DataSource dataSource;
    private final LeadManagerProperties.Flyway settings;
    private MigrateResult result;

    /**
     * @param dataSource the host's DataSource; non-null
     * @param settings   table and locations; non-null
     */
    public LeadManagerFlywayMigration(DataSource dataSource, LeadManagerProperties.Flyway settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> locations = settings.getLocations().isEmpty()
                ? List.of("classpath:" + JpaLeadStore.SCHEMA_LOCATION + "/" + folderOf(dataSource))
                : settings.getLocations();
        result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .table(settings.getTable())
                // start this history in a schema that already holds the host's tables, below the scripts' V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /** The outcome of the migration run at start; null before it ran. */
    public MigrateResult result() {
        return result;
    }

    /** The script folder for the database behind the DataSource. */
    static String folderOf(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot detect the database for the Lead Manager schema", e);
        }
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "mariadb";
        }
        throw new IllegalStateException("Lead Manager has no schema script for " + product
                + "; supported: PostgreSQL, MariaDB, H2. Set leadmanager.schema.flyway.locations or turn"
                + " leadmanager.schema.flyway.enabled off and create the tables yourself");
    }
}
