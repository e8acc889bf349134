package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The mapped attributes of one entity class, read from its own annotations, so that the hand-written statements
 * (versioned JPQL updates, JDBC batch inserts) cannot drift from the mapping Hibernate validates.
 */
final class Columns {
    private static final Map<Class<?>, Columns> CACHE = new ConcurrentHashMap<>();

    /** One mapped field. */
    record Attribute(Field field, String name, String column, boolean id, boolean version, boolean updatable) {

        Object get(Object entity) {
            try {
                return field.get(entity);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        Class<?> type() {
            return field.getType();
        }
    }

    private final String entityName;
    private final String table;
    private final List<Attribute> attributes;

    private Columns(Class<?> type) {
        this.entityName = type.getAnnotation(Entity.class).name();
        this.table = type.getAnnotation(Table.class).name();
        List<Attribute> list = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            Column column = f.getAnnotation(Column.class);
            if (Modifier.isStatic(f.getModifiers()) || column == null) {
                continue;
            }
            f.setAccessible(true);
            boolean id = f.isAnnotationPresent(Id.class);
            boolean version = f.isAnnotationPresent(Version.class);
            list.add(new Attribute(f, f.getName(), column.name(), id, version, column.updatable() && !id && !version));
        }
        this.attributes = List.copyOf(list);
    }

    static Columns of(Class<?> type) {
        return CACHE.computeIfAbsent(type, Columns::new);
    }

    String entityName() {
        return entityName;
    }

    String table() {
        return table;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    /**
     * {@code update E e set e.a = :a, ..., e.version = e.version + 1 where e.id = :id and e.tenantId = :tenantId
     * and e.version = :version}: every updatable attribute is written, the version checked and bumped in one
     * statement.
     */
    String versionedUpdate() {
        String sets = attributes.stream().filter(Attribute::updatable)
                .map(a -> "e." + a.name() + " = :" + a.name())
                .collect(Collectors.joining(", "));
        return "update " + entityName + " e set " + sets + ", e.version = e.version + 1"
                + " where e.id = :id and e.tenantId = :tenantId and e.version = :version";
    }

    /** {@code insert into table (c1, c2, ...) values (?, ?, ...)}, all mapped columns in declaration order. */
    String insertColumns() {
        return attributes.stream().map(Attribute::column).collect(Collectors.joining(", "));
    }

    /** A new entity with every mapped attribute read from the result set's current row, by column name. */
    <E> E read(ResultSet rs, Database db, Supplier<E> constructor) throws SQLException {
        return read(rs, db, constructor, 0);
    }

    /**
     * A new entity read from the current row whose columns {@code first}, {@code first + 1}, ... (1-based) are the
     * mapped columns in {@link #attributes()} order (a select list built from them): no lookup by name.
     */
    <E> E readInOrder(ResultSet rs, Database db, Supplier<E> constructor, int first) throws SQLException {
        return read(rs, db, constructor, first);
    }

    /** By name when {@code first} is 0, else by position from {@code first}. */
    private <E> E read(ResultSet rs, Database db, Supplier<E> constructor, int first) throws SQLException {
        E entity = constructor.get();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            int column = first == 0 ? rs.findColumn(a.column()) : first + i;
            Class<?> type = a.type();
            Object value;
            if (type == String.class) {
                value = rs.getString(column);
            } else if (type == Instant.class) {
                value = db.instant(rs, column);
            } else if (type == long.class) {
                value = rs.getLong(column);
            } else if (type == int.class) {
                value = rs.getInt(column);
            } else if (type == boolean.class) {
                value = rs.getBoolean(column);
            } else if (type == byte[].class) {
                value = rs.getBytes(column);
            } else {
                throw new IllegalArgumentException("unmapped type " + type);
            }
            try {
                a.field().set(entity, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return entity;
    }

    String placeholders() {
        return attributes.stream().map(a -> "?").collect(Collectors.joining(", "));
    }
}
