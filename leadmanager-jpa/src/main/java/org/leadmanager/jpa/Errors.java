package org.leadmanager.jpa;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.leadmanager.ConflictException;
import org.leadmanager.LeadManagerException;
import org.leadmanager.StaleModificationException;

/** Translates provider and driver failures into the library's exceptions. */
final class Errors {

    private Errors() {
    }

    /**
     * The library exception for a failure, or the failure itself when it has no library meaning: optimistic-lock
     * failures, deadlocks and serialization failures become {@link StaleModificationException} (the caller may
     * retry), unique-key violations {@link ConflictException}.
     */
    static RuntimeException translate(Throwable failure) {
        if (failure instanceof LeadManagerException e) {
            return e;
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
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
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

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
