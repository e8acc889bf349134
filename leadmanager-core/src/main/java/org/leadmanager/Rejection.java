package org.leadmanager;

import java.util.List;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.HostPortException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.ValidationException;

/**
 * Why a bulk call left one item unchanged. The cases mirror the exceptions a single call would have thrown for that
 * item, so a host can treat both the same way; {@link #message()} is the English text for logs.
 */
public sealed interface Rejection {

    /** English description, for logs and operators. */
    String message();

    /** The item, or something it refers to, does not exist in the tenant (see {@link NotFoundException}). */
    record NotFound(String message) implements Rejection {
    }

    /** The actor may not change this item (see {@link AccessDeniedException}). */
    record Denied(String message) implements Rejection {
    }

    /** The item itself is invalid, e.g. a null id (see {@link ValidationException}). */
    record Invalid(List<ValidationException.Violation> violations, String message) implements Rejection {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** The item changed concurrently and was left as the other change made it (see {@link StaleModificationException}). */
    record Stale(String message) implements Rejection {
    }

    /** The item's state forbids the change (see {@link ConflictException}). */
    record Conflict(String message) implements Rejection {
    }

    /**
     * A host port failed while the item was handled (see {@link HostPortException}); the item may succeed when
     * repeated.
     */
    record HostFailed(String message) implements Rejection {
    }
}
