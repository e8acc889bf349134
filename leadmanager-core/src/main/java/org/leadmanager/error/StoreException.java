package org.leadmanager.error;

/**
 * The store failed for a reason that lies neither in the input nor in a concurrent change: the database refused or
 * lost a statement, or the library's tables are missing. {@link #getCause()} holds the store's own failure. With
 * the store's own transactions the unit of work was rolled back; inside a host transaction the host must roll back.
 */
public final class StoreException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for people
     * @param cause   the store's failure; nullable
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
