package org.leadmanager;

import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.HostPortException;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.ValidationException;

/** The {@link Rejection} a bulk call reports for an item whose single call would have thrown. */
final class Rejections {

    private Rejections() {
    }

    /**
     * The rejection for one of the per-item exceptions ({@code NotFound}, {@code AccessDenied}, {@code Validation},
     * {@code StaleModification}, {@code Conflict}, {@code HostPort}); any other (a store failure) is rethrown: it
     * fails the whole call.
     */
    static Rejection of(LeadManagerException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof NotFoundException) {
            return new Rejection.NotFound(message);
        } else if (e instanceof AccessDeniedException) {
            return new Rejection.Denied(message);
        } else if (e instanceof ValidationException v) {
            return new Rejection.Invalid(v.violations(), message);
        } else if (e instanceof StaleModificationException) {
            return new Rejection.Stale(message);
        } else if (e instanceof ConflictException) {
            return new Rejection.Conflict(message);
        } else if (e instanceof HostPortException) {
            return new Rejection.HostFailed(message);
        }
        // a store failure or anything else fails the whole call, as the callers let it
        throw e;
    }
}
