package org.leadmanager.jpa;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.StoreException;

/**
 * Translates provider and driver failures into the library's exceptions; the one rule for every place where the
 * store catches a failure.
 */
final class Errors {
    /** Longest database message quoted in a {@link StoreException}'s message. */
    private static final int MAX_QUOTED = 300;

    private Errors() {
    }

    /**
     * The exception to rethrow for a failure, in this order:
     * <ol>
     *   <li>a {@link LeadManagerException} anywhere in the cause chain, unchanged (e.g. a validation failure of the
     *       core or a host port's failure, even when the provider wrapped it);</li>
     *   <li>optimistic-lock failures, deadlocks and serialization failures: {@link StaleModificationException}
     *       (the caller may retry); unique-key violations: {@link ConflictException};</li>
     *   <li>any other failure of the provider or the driver (a {@link PersistenceException} or an
     *       {@link SQLException} in the chain, or a checked exception): {@link StoreException}, with the
     *       failure as its cause;</li>
     *   <li>anything else unchanged: the unit of work's own exception, which {@code LeadStore.inTransaction}
     *       rethrows as it is, and the {@link IllegalStateException}s the store throws about misuse.</li>
     * </ol>
     */
    static RuntimeException translate(Throwable failure) {
        SQLException firstSql = null;
        boolean persistence = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LeadManagerException e) {
                return e;
            }
            persistence |= t instanceof PersistenceException;
            if (t instanceof SQLException sql && firstSql == null) {
                firstSql = sql;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return new StaleModificationException("changed concurrently; reload and retry", failure);
            }
            if (t instanceof SQLException sql) {
                if (isUniqueViolation(sql)) {
                    return new ConflictException("already exists (unique key "
                            + firstLine(sql.getMessage()) + ")");
                }
                if (isConcurrencyFailure(sql)) {
                    return new StaleModificationException("concurrent transaction conflict; retry", failure);
                }
            }
        }
        if (firstSql != null) {
            return new StoreException("the database failed"
                    + (firstSql.getSQLState() == null ? "" : " (SQLState " + firstSql.getSQLState() + ")") + ": "
                    + firstLine(firstSql.getMessage()), failure);
        }
        if (persistence || !(failure instanceof RuntimeException)) {
            return new StoreException("the JPA provider failed: " + describe(failure), failure);
        }
        return (RuntimeException) failure;
    }

    /**
     * Whether the database broke the transaction off to resolve a deadlock or a serialization failure (not an
     * optimistic-lock conflict, which running again would only repeat).
     */
    static boolean brokenOffByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return false;
            }
            if (t instanceof SQLException sql && isConcurrencyFailure(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or one of its causes, is a unique-key violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            // PostgreSQL and H2: 23505; MariaDB: 23000 with error 1062 (duplicate entry)
            if ("23505".equals(state) || "23000".equals(state) && s.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConcurrencyFailure(SQLException e) {
        String state = e.getSQLState();
        // 40001 serialization failure / MariaDB deadlock (1213), 40P01 PostgreSQL deadlock,
        // H2 90131 concurrent update
        return "40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 1213
                || "90131".equals(state);
    }

    private static String describe(Throwable failure) {
        String message = firstLine(failure.getMessage());
        return message.isEmpty() ? failure.getClass().getName() : message;
    }

    /** The first line of a message, at most {@value #MAX_QUOTED} characters: no statement text or row values. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).strip();
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "...";
    }
}
