package org.leadmanager.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import javax.sql.DataSource;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.StoredText;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contract kit on the Spring-wired store over the MariaDB server of {@value #URL}, in a database of its own
 * that the starter fills and the test drops at exit.
 */
@EnabledIfEnvironmentVariable(named = MariaDbSpringContractTest.URL, matches = ".+",
        disabledReason = MariaDbSpringContractTest.URL + " is not set, e.g. jdbc:mariadb://127.0.0.1:3306/"
                + "leadmanager_test?user=root&password=")
class MariaDbSpringContractTest extends SpringContract {
    static final String URL = "LEADMANAGER_TEST_MARIADB_URL";
    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            // jdbc:mariadb://host:port/database?parameters: the same server, another database
            String given = System.getenv(URL);
            int slash = given.indexOf('/', "jdbc:mariadb://".length());
            int query = given.indexOf('?');
            String server = given.substring(0, slash + 1);
            String parameters = query < 0 ? "" : given.substring(query);
            String database = "lm_spring_" + ProcessHandle.current().pid();
            execute(server + parameters, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server + parameters,
                    "DROP DATABASE IF EXISTS " + database), "drop " + database));
            // as the README asks of a host on MariaDB
            context = start("spring.datasource.url=" + server + database + parameters,
                    "spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
        }
        return context;
    }

    private static void execute(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + url + " refused: " + e.getMessage(), e);
        }
    }

    @Override
    protected LeadStore store() {
        return context().getBean(LeadStore.class);
    }

    @Override
    protected StoredText storedText(LeadStore store) {
        return StoredText.ofTables(context().getBean(DataSource.class)::getConnection, "lm_");
    }
}
