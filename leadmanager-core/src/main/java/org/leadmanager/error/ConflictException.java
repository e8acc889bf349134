package org.leadmanager.error;

/** The change contradicts the current state, e.g. a duplicate project name or a transition the status list forbids. */
public final class ConflictException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
