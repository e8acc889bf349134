package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.leadmanager.error.StoreException;

/** The SQL that differs between the supported databases; detected from the JDBC metadata. */
enum Database {

    POSTGRESQL {
        @Override
        String insertIfAbsent(String table, String columns, String values, String uniqueColumns) {
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                    + uniqueColumns + ") DO NOTHING";
        }

        @Override
        String nextValue(String sequence) {
            return "nextval('" + sequence + "')";
        }
    },

    MARIADB {
        @Override
        String insertIfAbsent(String table, String columns, String values, String uniqueColumns) {
            // not INSERT IGNORE: that would also turn truncation and other errors into warnings
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON DUPLICATE KEY UPDATE id = id";
        }

        @Override
        void beginTransaction(Connection connection) throws SQLException {
            // InnoDB's default REPEATABLE READ would read from a snapshot taken at the first read: a lead that a
            // concurrent unit of work committed after it could not be found after insertIfAbsent skipped it. Only
            // this transaction is affected (SET TRANSACTION without SESSION); it must be the first statement.
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
        }

        @Override
        Instant instant(ResultSet rs, int column) throws SQLException {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }

        @Override
        void bind(PreparedStatement ps, int index, Instant value) throws SQLException {
            // DATETIME(6) holds UTC wall-clock time, exactly as Hibernate writes an Instant there
            if (value == null) {
                ps.setNull(index, Types.TIMESTAMP);
            } else {
                ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        }
    },

    H2 {
        @Override
        String insertIfAbsent(String table, String columns, String values, String uniqueColumns) {
            StringBuilder on = new StringBuilder();
            for (String c : uniqueColumns.split(",\\s*")) {
                on.append(on.isEmpty() ? "" : " AND ").append("t.").append(c).append(" = s.").append(c);
            }
            StringBuilder sourceColumns = new StringBuilder();
            for (String c : columns.split(",\\s*")) {
                sourceColumns.append(sourceColumns.isEmpty() ? "" : ", ").append("s.").append(c);
            }
            return "MERGE INTO " + table + " t USING (VALUES (" + values + ")) s (" + columns + ") ON " + on
                    + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + sourceColumns + ")";
        }

        @Override
        boolean skipLocked() {
            // H2 accepts the syntax, but skips every row another transaction scanned, not only the locked ones
            return false;
        }
    };

    /** The database behind the connection. @throws StoreException for an unsupported one */
    static Database of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        if (product.equals("h2")) {
            return H2;
        }
        throw new StoreException("JpaLeadStore supports PostgreSQL, MariaDB and H2, not "
                + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), null);
    }

    /** The classpath resource of the script that creates the library's tables on this database. */
    String schemaScript() {
        return JpaLeadStore.SCHEMA_LOCATION + "/" + name().toLowerCase(Locale.ROOT) + "/V1__leadmanager_schema.sql";
    }

    /** An insert that silently skips rows whose unique key already exists, also when inserted concurrently. */
    abstract String insertIfAbsent(String table, String columns, String values, String uniqueColumns);

    /** The next value of a sequence, usable inside an INSERT's VALUES. */
    String nextValue(String sequence) {
        return "NEXT VALUE FOR " + sequence;
    }

    /**
     * Runs first in each transaction the store begins itself, so that every statement reads the latest committed
     * state (READ COMMITTED), as on PostgreSQL and H2 by default.
     */
    void beginTransaction(Connection connection) throws SQLException {
    }

    /** Whether {@code FOR UPDATE SKIP LOCKED} skips exactly the rows other transactions locked. */
    boolean skipLocked() {
        return true;
    }

    /** Binds an instant (nullable) the same way the provider does for the mapped timestamp columns. */
    void bind(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads an instant (nullable) from a timestamp column, by position (1-based), as the provider maps it. */
    Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Binds any mapped attribute value by its Java type. */
    void bind(PreparedStatement ps, int index, Object value, Class<?> type) throws SQLException {
        if (type == Instant.class) {
            bind(ps, index, (Instant) value);
        } else if (type == String.class) {
            ps.setString(index, (String) value);
        } else if (type == long.class || type == Long.class) {
            ps.setLong(index, (Long) value);
        } else if (type == int.class || type == Integer.class) {
            ps.setInt(index, (Integer) value);
        } else if (type == boolean.class || type == Boolean.class) {
            ps.setBoolean(index, (Boolean) value);
        } else if (type == byte[].class) {
            ps.setBytes(index, (byte[]) value);
        } else {
            throw new IllegalArgumentException("unmapped type " + type);
        }
    }
}
