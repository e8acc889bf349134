package org.leadmanager.error;

/** Root of every exception the library throws on purpose. A call that throws one changed nothing. */
public abstract class LeadManagerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected LeadManagerException(String message) {
        super(message);
    }

    protected LeadManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
