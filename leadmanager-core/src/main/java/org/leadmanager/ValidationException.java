package org.leadmanager;

import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more rules; {@link #violations()} lists every one of them. */
public final class ValidationException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    /**
     * One broken rule.
     *
     * @param path    where, e.g. {@code name} or {@code statuses[2].label}
     * @param message what is wrong and what would be valid
     */
    public record Violation(String path, String message) {
    }

    private final List<Violation> violations;

    /** @param violations at least one */
    public ValidationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** A single violation. */
    public static ValidationException of(String path, String message) {
        return new ValidationException(List.of(new Violation(path, message)));
    }

    /** Every violation, in a stable order; never empty. */
    public List<Violation> violations() {
        return violations;
    }
}
