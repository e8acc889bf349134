package org.leadmanager.tck;

import java.util.Optional;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Lets jqwik skip the kit's properties wherever JUnit Jupiter skips the store's test class: jqwik does not read
 * Jupiter's conditions, so without this a subclass annotated {@code @EnabledIfEnvironmentVariable} would run its
 * properties against a store that is not there. Honours {@link EnabledIfEnvironmentVariable} on the subclass.
 */
public final class JupiterConditionsForProperties implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Optional<Class<?>> container = context.optionalContainerClass();
        for (Class<?> c = container.orElse(null); c != null; c = c.getEnclosingClass()) {
            EnabledIfEnvironmentVariable condition = c.getAnnotation(EnabledIfEnvironmentVariable.class);
            if (condition != null) {
                String value = System.getenv(condition.named());
                if (value == null || !value.matches(condition.matches())) {
                    return SkipResult.skip(condition.disabledReason().isBlank()
                            ? condition.named() + " does not match " + condition.matches()
                            : condition.disabledReason());
                }
            }
        }
        return SkipResult.doNotSkip();
    }
}
