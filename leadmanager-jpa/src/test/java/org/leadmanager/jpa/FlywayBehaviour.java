package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.project.Project;
import org.leadmanager.tck.TckFixture;

/**
 * The README's Flyway call, read from the README itself and run as written, creates the library's tables in a
 * schema that already holds a host's tables and its own Flyway history, and does nothing when run again.
 */
abstract class FlywayBehaviour extends StoreTestBase {
    private static final Pattern CALL = Pattern.compile("\\.(\\w+)\\(((?:\"[^\"]*\"|[^()\"])*)\\)");
    private static final String LOCATION = "classpath:db/leadmanager/";

    @Test
    void theReadmeCallCreatesTheTablesBesideTheHostsOwnAndIsIdempotent() throws Exception {
        try (TestDatabase db = db().newEmpty()) {
            DataSource dataSource = new CountingDataSource(db.url());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/hostapp").load().migrate();

            MigrateResult first = readmeMigrate(dataSource, db.kind());
            assertEquals(2, first.migrationsExecuted,
                    "the library's V1 and V2 run although the schema is not empty");

            // the factory validates every mapped table and column against what Flyway created
            TckFixture fx = TckFixture.create(JpaLeadStore.create(db.newEmf()));
            Project project = fx.project("Migrated by Flyway");
            assertEquals(project.name(), fx.lm.projects().get(fx.manager, project.id()).name());

            MigrateResult second = readmeMigrate(dataSource, db.kind());
            assertEquals(0, second.migrationsExecuted, "nothing to do the second time");
            assertEquals(List.of(project.id()),
                    fx.lm.projects().list(fx.manager).stream().map(o -> o.project().id()).toList());
            try (Connection c = db.connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT name FROM host_customer")) {
                assertTrue(rs.next() && rs.getString(1).equals("First customer"), "the host's data is untouched");
            }
        }
    }

    /**
     * Runs the Flyway call of the README's schema step: each {@code .option(argument)} between
     * {@code Flyway.configure()} and {@code .load().migrate()} is applied to the configuration, with the script
     * folder of the given database.
     */
    static MigrateResult readmeMigrate(DataSource dataSource, String kind) throws IOException {
        FluentConfiguration config = Flyway.configure();
        for (String[] call : readmeCalls()) {
            Object argument = argument(call[1], dataSource, kind);
            config = invoke(config, call[0], argument);
        }
        return config.load().migrate();
    }

    /** The options of the README's Flyway call, as name and argument text, in order. */
    static List<String[]> readmeCalls() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("README.md");
        StringBuilder snippet = new StringBuilder();
        boolean inside = false;
        for (String line : Files.readAllLines(readme)) {
            inside |= line.strip().startsWith("Flyway.configure()");
            if (inside) {
                int comment = line.indexOf("//");
                snippet.append((comment < 0 ? line : line.substring(0, comment)).strip());
                if (line.strip().endsWith(";")) {
                    break;
                }
            }
        }
        String text = snippet.toString();
        String start = "Flyway.configure()";
        String end = ".load().migrate();";
        assertTrue(text.startsWith(start) && text.endsWith(end), "the README's Flyway call: " + text);
        String options = text.substring(start.length(), text.length() - end.length());
        List<String[]> calls = new ArrayList<>();
        Matcher m = CALL.matcher(options);
        int at = 0;
        while (m.find() && m.start() == at) {
            calls.add(new String[] {m.group(1), m.group(2).strip()});
            at = m.end();
        }
        assertEquals(options.length(), at, "cannot read the README's Flyway options: " + options);
        return calls;
    }

    private static Object argument(String text, DataSource dataSource, String kind) {
        if (text.startsWith("\"") && text.endsWith("\"")) {
            String value = text.substring(1, text.length() - 1);
            // the README names the PostgreSQL folder; each database has its own
            return value.startsWith(LOCATION) ? LOCATION + kind : value;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.equals("dataSource")) {
            return dataSource;
        }
        throw new AssertionError("unexpected argument in the README's Flyway call: " + text);
    }

    private static FluentConfiguration invoke(FluentConfiguration config, String name, Object argument) {
        for (Method method : FluentConfiguration.class.getMethods()) {
            if (!method.getName().equals(name) || method.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = method.getParameterTypes()[0];
            Object value = type == String[].class && argument instanceof String s ? new String[] {s} : argument;
            if (type.isInstance(value) || type == boolean.class && value instanceof Boolean) {
                try {
                    return (FluentConfiguration) method.invoke(config, value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new AssertionError("the README's ." + name + "(...) failed", e);
                }
            }
        }
        throw new AssertionError("FluentConfiguration has no " + name + " for " + argument);
    }
}
