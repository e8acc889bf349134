package org.leadmanager.error;

/** The addressed project, lead, note, follow-up, contact or saved search does not exist in the caller's tenant. */
public final class NotFoundException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
