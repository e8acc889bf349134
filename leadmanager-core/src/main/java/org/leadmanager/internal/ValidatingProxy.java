package org.leadmanager.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.leadmanager.ValidationException;

/**
 * Checks the Bean Validation constraints declared on the API interfaces before each call reaches the service, so a
 * rejected call never touches the store. Reports every violation at once, paths without the method name.
 */
final class ValidatingProxy {
    private static final Object[] NO_ARGS = new Object[0];

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private ValidatingProxy() {
    }

    static <T> T wrap(Class<T> api, T target) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                (proxy, method, args) -> invoke(target, method, args == null ? NO_ARGS : args)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() != Object.class) {
            Set<ConstraintViolation<Object>> violations =
                    VALIDATOR.forExecutables().validateParameters(target, method, args);
            if (!violations.isEmpty()) {
                throw toException(violations);
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static ValidationException toException(Set<ConstraintViolation<Object>> violations) {
        List<ValidationException.Violation> list = violations.stream()
                .map(v -> new ValidationException.Violation(path(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(ValidationException.Violation::path)
                        .thenComparing(ValidationException.Violation::message))
                .toList();
        return new ValidationException(list);
    }

    private static String path(String full) {
        int dot = full.indexOf('.');
        return dot < 0 ? full : full.substring(dot + 1);
    }
}
