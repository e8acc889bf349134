package org.leadmanager.error;

import java.util.Objects;

/**
 * A host port ({@code ContactDirectory}, {@code UserDirectory}, {@code AccessPolicy}) threw or broke its contract,
 * e.g. returned null where it promises a value. {@link #port()} and {@link #method()} name the call; when the port
 * threw, {@link #getCause()} is the host's own exception, unchanged. A single call that meets it changed nothing;
 * a bulk call reports the affected item as rejected and goes on.
 */
public final class HostPortException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    private final String port;
    private final String method;

    /**
     * @param port   the port's interface name, e.g. {@code ContactDirectory}
     * @param method the method, e.g. {@code find}
     * @param what   what went wrong
     * @param cause  the host's exception, or null for a broken answer
     */
    public HostPortException(String port, String method, String what, Throwable cause) {
        super(port + "." + method + " " + what, cause);
        this.port = Objects.requireNonNull(port, "port");
        this.method = Objects.requireNonNull(method, "method");
    }

    /** The port's interface name, e.g. {@code ContactDirectory}. */
    public String port() {
        return port;
    }

    /** The method of the port, e.g. {@code findAll}. */
    public String method() {
        return method;
    }
}
