package org.leadmanager;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.leadmanager.domain.Text;
import org.leadmanager.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the input of each API call before it reaches the service, so a rejected call never touches the store: the
 * Bean Validation constraints declared on the API interfaces, and that every text reachable from the arguments can
 * be stored ({@link Text#firstForbidden}). Reports every violation at once, each with its path (starting with the
 * parameter name), a stable code with arguments, and an English message that does not depend on the JVM's locale.
 * Tells the host's {@link CallListener} of every call, the rejected ones included.
 */
final class ValidatingProxy {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatingProxy.class);
    private static final Object[] NO_ARGS = new Object[0];
    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    /** Record accessors of the library's own value types, looked up once per class. */
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                accessors.add(component.getAccessor());
            }
            return List.copyOf(accessors);
        }
    };

    private ValidatingProxy() {
    }

    static <T> T wrap(Class<T> api, T target, CallListener listener) {
        String name = api.getSimpleName();
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                (proxy, method, args) -> listener == CallListener.none() || method.getDeclaringClass() == Object.class
                        ? invoke(target, method, args == null ? NO_ARGS : args)
                        : observed(name, listener, target, method, args == null ? NO_ARGS : args)));
    }

    private static Object observed(String api, CallListener listener, Object target, Method method, Object[] args)
            throws Throwable {
        CallListener.Call call = null;
        try {
            call = listener.started(api, method.getName());
        } catch (RuntimeException e) {
            LOG.warn("CallListener failed at the start of {}.{}; ignored", api, method.getName(), e);
        }
        Throwable failure = null;
        try {
            return invoke(target, method, args);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            if (call != null) {
                try {
                    call.ended(failure);
                } catch (RuntimeException e) {
                    LOG.warn("CallListener failed at the end of {}.{}; ignored", api, method.getName(), e);
                }
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() != Object.class) {
            List<ValidationException.Violation> violations = new ArrayList<>();
            for (ConstraintViolation<Object> v : VALIDATOR.forExecutables().validateParameters(target, method, args)) {
                violations.add(toViolation(v, method));
            }
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < args.length; i++) {
                if (parameters[i].getType() != Iterable.class) {
                    // a plain Iterable is streamed once by the call itself; its elements are checked there
                    scan(args[i], At.parameter(parameters[i].getName()), violations, 0);
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Where a value sits in the arguments, spelled out only for a violation: most calls have none, and a search
     * scans every component of its query.
     */
    private record At(At parent, char kind, Object name) {
        static At parameter(String name) {
            return new At(null, 'p', name);
        }

        At component(String component) {
            return new At(this, '.', component);
        }

        At element(int index) {
            return new At(this, 'i', index);
        }

        At member() {
            return new At(this, 'm', null);
        }

        At entry(Object key) {
            return new At(this, 'k', key);
        }

        @Override
        public String toString() {
            String here = switch (kind) {
                case '.' -> "." + name;
                case 'i' -> "[" + name + "]";
                case 'm' -> "[]";
                case 'k' -> "[" + (name instanceof String k ? Text.clean(k) : name) + "]";
                default -> String.valueOf(name);
            };
            return parent == null ? here : parent + here;
        }
    }

    /** Texts no store can hold, anywhere in strings, the library's records, collections and maps. */
    private static void scan(Object value, At at, List<ValidationException.Violation> out, int depth) {
        if (value == null || depth > 8) {
            return;
        }
        if (value instanceof String text) {
            int bad = Text.firstForbidden(text);
            if (bad >= 0) {
                out.add(Text.violation(at.toString(), text, bad));
            }
        } else if (value instanceof Record && value.getClass().getName().startsWith("org.leadmanager.")) {
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                Object component;
                try {
                    component = accessor.invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + accessor, e);
                }
                scan(component, at.component(accessor.getName()), out, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                scan(list.get(i), at.element(i), out, depth + 1);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                scan(element, at.member(), out, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                At entry = at.entry(e.getKey());
                scan(e.getKey(), entry, out, depth + 1);
                scan(e.getValue(), entry, out, depth + 1);
            }
        }
    }

    private static ValidationException.Violation toViolation(ConstraintViolation<Object> v, Method method) {
        String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, String> arguments = new TreeMap<>();
        v.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
            if (!NOT_ARGUMENTS.contains(name)) {
                arguments.put(name, String.valueOf(value));
            }
        });
        String message = code.equals("Size") && v.getInvalidValue() instanceof CharSequence
                ? textSize(arguments, notBlank(v.getPropertyPath(), method))
                : message(code, arguments);
        return new ValidationException.Violation(path(v.getPropertyPath().toString()), code, arguments, message);
    }

    /** A text's size rule as a user reads it: a text that must not be blank has at least 1 character. */
    private static String textSize(Map<String, String> arguments, boolean notBlank) {
        String min = notBlank && "0".equals(arguments.get("min")) ? "1" : arguments.get("min");
        return "must be " + min + " to " + arguments.get("max") + " characters";
    }

    /**
     * Whether the element at the path (a parameter, or a component of a record parameter) is also {@code NotBlank}.
     */
    private static boolean notBlank(jakarta.validation.Path path, Method method) {
        AnnotatedElement element = null;
        Class<?> type = null;
        for (jakarta.validation.Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                Parameter parameter = method.getParameters()[node.as(jakarta.validation.Path.ParameterNode.class)
                        .getParameterIndex()];
                element = parameter;
                type = parameter.getType();
            } else if (node.getKind() == ElementKind.PROPERTY && type != null && type.isRecord()) {
                element = null;
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals(node.getName())) {
                        // constraints on a record component land on its field, accessor and constructor parameter
                        element = component.getAccessor();
                        type = component.getType();
                    }
                }
            }
        }
        return element != null && element.isAnnotationPresent(NotBlank.class);
    }

    /** English messages by code: the validator's own would follow the JVM's default locale. */
    private static String message(String code, Map<String, String> arguments) {
        return switch (code) {
            case "NotNull" -> "must not be null";
            case "NotBlank" -> "must not be blank";
            case "NotEmpty" -> "must not be empty";
            case "Size" -> "size must be between " + arguments.get("min") + " and " + arguments.get("max");
            case "Min" -> "must be greater than or equal to " + arguments.get("value");
            case "Max" -> "must be less than or equal to " + arguments.get("value");
            case "PositiveOrZero" -> "must be greater than or equal to 0";
            case "Positive" -> "must be greater than 0";
            default -> "must satisfy " + code + (arguments.isEmpty() ? "" : " " + arguments);
        };
    }

    private static String path(String full) {
        int dot = full.indexOf('.');
        String path = dot < 0 ? full : full.substring(dot + 1);
        // Bean Validation writes container elements as "team[1].<list element>"; the element is the index
        return path.replaceAll("\\.<[a-z ]+>", "");
    }
}
