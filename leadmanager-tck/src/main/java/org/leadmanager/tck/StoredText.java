package org.leadmanager.tck;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Every text a store holds, of every tenant, for the privacy contract's scan: after an erasure, none of the erased
 * contact's values may be found anywhere. A store's contract test gives one: {@link #ofTables} for a store on a
 * database (every column of a character type of every table whose name has the store's prefix, the tables and
 * columns found in the database's metadata, so a table added later is scanned too), {@link #ofObjects} for a store
 * in memory (its whole object graph).
 */
@FunctionalInterface
public interface StoredText {

    /** Calls {@code visitor} with every text value held and where it was found (a table and column, a path). */
    void scan(BiConsumer<String, String> visitor);

    /**
     * Where each of the markers occurs in a stored text, ignoring case (stores keep lower-cased search keys).
     *
     * @return one line per hit, {@code "where: marker"}; empty when none is found
     */
    default List<String> find(Collection<String> markers) {
        List<String> given = List.copyOf(markers);
        List<String> lower = given.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        List<String> hits = new ArrayList<>();
        scan((where, text) -> {
            String value = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.size(); i++) {
                if (value.contains(lower.get(i))) {
                    hits.add(where + ": " + given.get(i));
                }
            }
        });
        return hits;
    }

    /** Opens a connection to the store's database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * Every value of a character or character-large-object column of every table of the connection's current
     * catalog and schema whose name starts with {@code tablePrefix} (ignoring case), as found in the database's
     * metadata when scanned.
     */
    static StoredText ofTables(ConnectionSource database, String tablePrefix) {
        return visitor -> {
            try (Connection c = database.open()) {
                DatabaseMetaData meta = c.getMetaData();
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        String table = rs.getString("TABLE_NAME");
                        if (table.toLowerCase(Locale.ROOT).startsWith(tablePrefix.toLowerCase(Locale.ROOT))) {
                            tables.add(table);
                        }
                    }
                }
                if (tables.isEmpty()) {
                    throw new AssertionError("no table named " + tablePrefix + "* found to scan");
                }
                for (String table : tables) {
                    List<String> columns = new ArrayList<>();
                    try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                        while (rs.next()) {
                            if (isText(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))) {
                                columns.add(rs.getString("COLUMN_NAME"));
                            }
                        }
                    }
                    if (columns.isEmpty()) {
                        continue;
                    }
                    String quote = meta.getIdentifierQuoteString().strip();
                    String select = "SELECT " + String.join(", ", columns.stream().map(n -> quote + n + quote)
                            .toList()) + " FROM " + quote + table + quote;
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select)) {
                        while (rs.next()) {
                            for (int i = 0; i < columns.size(); i++) {
                                String value = rs.getString(i + 1);
                                if (value != null) {
                                    visitor.accept(table + "." + columns.get(i), value);
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot scan the store's tables: " + e.getMessage(), e);
            }
        };
    }

    private static boolean isText(int type, String typeName) {
        switch (type) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR, Types.NCLOB, Types.SQLXML:
                return true;
            default:
                // JSON and other text types some databases report as OTHER
                String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
                return name.contains("json") || name.contains("text") || name.contains("char");
        }
    }

    /**
     * Every string reachable from {@code root}: through the fields of the library's own classes (any class in a
     * package {@code org.leadmanager...}, records and lambdas included), the elements and keys of collections and
     * maps, optionals and arrays. Enum constants and other JDK objects (locks, thread locals, clocks) hold no stored
     * data and are not entered. Each object is visited once.
     */
    static StoredText ofObjects(Object root) {
        return visitor -> {
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<Object[]> todo = new ArrayDeque<>();
            todo.push(new Object[] {root, root.getClass().getSimpleName()});
            while (!todo.isEmpty()) {
                Object[] next = todo.pop();
                Object value = next[0];
                String where = (String) next[1];
                if (value == null || value instanceof Class<?> || !seen.add(value)) {
                    continue;
                }
                if (value instanceof CharSequence text) {
                    visitor.accept(where, text.toString());
                } else if (value instanceof Map<?, ?> map) {
                    List<Map.Entry<?, ?>> entries;
                    synchronized (map) {
                        entries = new ArrayList<>(map.entrySet());
                    }
                    for (Map.Entry<?, ?> e : entries) {
                        todo.push(new Object[] {e.getKey(), where + "{key}"});
                        todo.push(new Object[] {e.getValue(), where + "{value}"});
                    }
                } else if (value instanceof Collection<?> collection) {
                    List<?> elements;
                    synchronized (collection) {
                        elements = new ArrayList<>(collection);
                    }
                    elements.forEach(e -> todo.push(new Object[] {e, where + "[]"}));
                } else if (value instanceof Optional<?> optional) {
                    optional.ifPresent(v -> todo.push(new Object[] {v, where}));
                } else if (value.getClass().isArray()) {
                    if (!value.getClass().getComponentType().isPrimitive()) {
                        for (int i = 0; i < Array.getLength(value); i++) {
                            todo.push(new Object[] {Array.get(value, i), where + "[]"});
                        }
                    }
                } else if (value.getClass().getName().startsWith("org.leadmanager.") && !(value instanceof Enum)) {
                    for (Class<?> type = value.getClass();
                            type != null && type.getName().startsWith("org.leadmanager.");
                            type = type.getSuperclass()) {
                        for (Field field : type.getDeclaredFields()) {
                            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                                continue;
                            }
                            try {
                                field.setAccessible(true);
                                todo.push(new Object[] {field.get(value), where + "." + field.getName()});
                            } catch (ReflectiveOperationException | RuntimeException e) {
                                throw new IllegalStateException("cannot read " + type.getName() + "."
                                        + field.getName() + " to scan it: " + e, e);
                            }
                        }
                    }
                }
            }
        };
    }
}
