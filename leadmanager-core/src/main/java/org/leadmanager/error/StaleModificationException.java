package org.leadmanager.error;

/** Someone else changed the aggregate since it was read (optimistic lock lost). Reload and retry. */
public final class StaleModificationException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    public StaleModificationException(String what, Object id, long expectedVersion) {
        super(what + " " + id + " was changed concurrently (expected version " + expectedVersion + "); reload and retry");
    }

    public StaleModificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
