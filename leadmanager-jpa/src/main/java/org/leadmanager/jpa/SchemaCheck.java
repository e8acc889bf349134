package org.leadmanager.jpa;

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
import org.leadmanager.error.StoreException;

/**
 * Whether the connection's current schema holds every table and column the store's entities map, so that a
 * database without the library's tables fails with a pointer to the script rather than with the first statement's
 * "relation does not exist".
 */
final class SchemaCheck {
    /** Table to its mapped columns, lower case, in mapping order. */
    private static final Map<String, List<String>> REQUIRED = required();

    private SchemaCheck() {
    }

    /**
     * Reads the columns of the {@code lm} tables in the connection's current catalog and schema (only there:
     * unqualified names resolve there, so tables of the same name elsewhere do not count) with one metadata call.
     *
     * @throws StoreException naming the missing tables or columns and the script that creates them
     */
    static void verify(Connection connection, Database db) throws SQLException {
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
        REQUIRED.forEach((table, columns) -> {
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

    private static Map<String, List<String>> required() {
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (Class<?> entity : JpaLeadStore.entityClasses()) {
            Columns columns = Columns.of(entity);
            required.put(lower(columns.table()),
                    columns.attributes().stream().map(a -> lower(a.column())).toList());
        }
        return required;
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
