package org.leadmanager.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules; {@link #violations()} lists every one of them.
 *
 * <p>Each violation has a path, a stable {@linkplain Violation#code() code} with its
 * {@linkplain Violation#arguments() arguments}, and an English message. Messages never depend on the JVM's default
 * locale; a host that shows violations in its own language translates by code and arguments. The codes:
 * <ul>
 *   <li>{@code NotNull}, {@code NotBlank}, {@code NotEmpty}; {@code Size{min,max}}; {@code Min{value}},
 *       {@code Max{value}}, {@code PositiveOrZero}; {@code Unique} (a list names an element twice)</li>
 *   <li>{@code Characters{index,codePoint}}: the text holds NUL (U+0000), a lone surrogate or a Unicode
 *       non-character at that char index</li>
 *   <li>{@code Pattern{pattern}}: a key does not have its documented form</li>
 *   <li>{@code TimeRange{min,max}}: an instant outside what every store can hold (see
 *       {@link org.leadmanager.domain.Times})</li>
 *   <li>{@code RangeOrder{from,to}}: a range whose start is after its end</li>
 *   <li>{@code Past{now}} and {@code TooFarAhead{max}}: a due time before now or too far ahead;
 *       {@code Duration{max}}: a duration that is not positive or too long</li>
 *   <li>{@code UnknownStatus{key}}; {@code StatusCategory{key,category,expected}}; {@code StatusOrder}: an order
 *       that does not name every status once; {@code SameStatus{key}}: a replacement equal to the retired
 *       status; {@code LostReasonRequired{key}}</li>
 *   <li>{@code InactiveUser{user}}: a user unknown to the host or inactive</li>
 *   <li>{@code SameContact{contact}}: a merge of a contact into itself</li>
 *   <li>{@code Cursor{reason}}: a cursor that is damaged or belongs to another sort</li>
 * </ul>
 *
 * <p>Paths start with the name of the API method's parameter ({@code name}, {@code command.defaultStatus},
 * {@code query.criteria.text}, {@code team[1]}); a violation raised while a value type is being constructed outside
 * any API call starts with the type's name ({@code StatusKey}, {@code TenantId}, {@code LeadStatus.label}).
 */
public final class ValidationException extends LeadManagerException {
    private static final long serialVersionUID = 1L;

    /**
     * One broken rule.
     *
     * @param path      where, e.g. {@code name} or {@code command.statuses[2].label}
     * @param code      which rule, stable across versions, e.g. {@code Size}
     * @param arguments the rule's parameters by name, e.g. {@code min=0, max=200}; never null
     * @param message   what is wrong and what would be valid, in English
     */
    public record Violation(String path, String code, Map<String, String> arguments, String message) {

        public Violation {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(code, "code");
            arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
            Objects.requireNonNull(message, "message");
        }

        /** A violation without arguments. */
        public Violation(String path, String code, String message) {
            this(path, code, Map.of(), message);
        }

        /** This violation below a parent path: {@code parent.path}. */
        Violation under(String parent) {
            return new Violation(path.isEmpty() ? parent : parent + "." + path, code, arguments, message);
        }
    }

    private final List<Violation> violations;

    /** @param violations at least one; kept sorted by path, code and message */
    public ValidationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = violations.stream()
                .sorted(java.util.Comparator.comparing(Violation::path).thenComparing(Violation::code)
                        .thenComparing(Violation::message))
                .toList();
    }

    /** A single violation without arguments. */
    public static ValidationException of(String path, String code, String message) {
        return new ValidationException(List.of(new Violation(path, code, message)));
    }

    /**
     * A single violation with arguments.
     *
     * @param arguments name, value, name, value, ...
     */
    public static ValidationException of(String path, String code, String message, Object... arguments) {
        return new ValidationException(List.of(new Violation(path, code, args(arguments), message)));
    }

    /** Arguments from name, value pairs; values as strings. */
    public static Map<String, String> args(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return map;
    }

    /** The same violations below a parent path, e.g. {@code defaultStatus} becomes {@code command.defaultStatus}. */
    public ValidationException under(String parent) {
        ValidationException moved = new ValidationException(violations.stream().map(v -> v.under(parent)).toList());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** Every violation, in a stable order; never empty. */
    public List<Violation> violations() {
        return violations;
    }
}
