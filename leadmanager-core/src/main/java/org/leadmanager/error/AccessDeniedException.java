package org.leadmanager.error;

/** The {@code AccessPolicy} does not allow the caller this operation. */
public final class AccessDeniedException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
