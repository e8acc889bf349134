package org.leadmanager.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leadmanager.error.StoreException;

/**
 * Whether the connection's current schema holds every table and column of the database's schema script, so that a
 * database without the library's tables fails with a pointer to the script rather than with the first statement's
 * "relation does not exist". (That the script matches the entities is the provider's schema validation, run by the
 * tests.)
 */
final class SchemaCheck {
    /** Per script: table to its columns, lower case, in script order. */
    private static final Map<String, Map<String, List<String>>> REQUIRED = new ConcurrentHashMap<>();
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+) \\(");

    private SchemaCheck() {
    }

    /**
     * Reads the columns of the {@code lm} tables in the connection's current catalog and schema (only there:
     * unqualified names resolve there, so tables of the same name elsewhere do not count) with one metadata call.
     *
     * @throws StoreException naming the missing tables or columns and the script that creates them
     */
    static void verify(Connection connection, SqlDialect db) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        // H2 keeps unquoted names in upper case; PostgreSQL in lower case, as MariaDB does on every file system
        String tables = meta.storesUpperCaseIdentifiers() ? "LM%" : "lm%";
        Map<String, Set<String>> found = new HashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema == null ? null : escape(schema, meta), tables, "%")) {
            while (rs.next()) {
                if (schema != null && !schema.equals(rs.getString("TABLE_SCHEM"))) {
                    continue;
                }
                found.computeIfAbsent(lower(rs.getString("TABLE_NAME")), t -> new HashSet<>())
                        .add(lower(rs.getString("COLUMN_NAME")));
            }
        }
        List<String> missingTables = new ArrayList<>();
        List<String> missingColumns = new ArrayList<>();
        REQUIRED.computeIfAbsent(db.schemaScript(), SchemaCheck::tablesOf).forEach((table, columns) -> {
            Set<String> present = found.get(table);
            if (present == null) {
                missingTables.add(table);
            } else {
                columns.stream().filter(c -> !present.contains(c)).forEach(c -> missingColumns.add(table + "." + c));
            }
        });
        if (missingTables.isEmpty() && missingColumns.isEmpty()) {
            return;
        }
        String where = (schema != null ? "schema " + schema : "database " + catalog);
        String problem = !missingTables.isEmpty()
                ? "the Lead Manager tables " + String.join(", ", missingTables) + " are missing in " + where
                        + "; create them with the classpath script "
                : "the Lead Manager tables in " + where + " lack the columns " + String.join(", ", missingColumns)
                        + "; they must match the classpath script ";
        throw new StoreException(problem + db.schemaScript() + " (see JpaLeadStore, Setup)", null);
    }

    /** The tables and columns a schema script creates: every column line of each {@code CREATE TABLE}. */
    static Map<String, List<String>> tablesOf(String script) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> columns = null;
        for (String line : read(script).split("\n")) {
            String text = line.strip();
            Matcher create = CREATE_TABLE.matcher(text);
            if (create.lookingAt()) {
                columns = new ArrayList<>();
                tables.put(lower(create.group(1)), columns);
            } else if (text.startsWith(")")) {
                columns = null;
            } else if (columns != null && !text.isEmpty() && !text.startsWith("--")
                    && !text.startsWith("CONSTRAINT")) {
                columns.add(lower(text.split("\\s+", 2)[0]));
            }
        }
        return tables;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("the schema script " + resource + " is missing from the classpath", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read the schema script " + resource, e);
        }
    }

    /** The name as a metadata pattern that matches only itself. */
    private static String escape(String name, DatabaseMetaData meta) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
