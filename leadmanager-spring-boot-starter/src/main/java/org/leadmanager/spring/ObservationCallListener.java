package org.leadmanager.spring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.leadmanager.CallListener;

/**
 * Observes every API call as a Micrometer {@link Observation} named {@value #NAME}, with the low-cardinality keys
 * {@code leadmanager.api} (e.g. {@code Leads}) and {@code leadmanager.operation} (e.g. {@code changeStatus}) and the
 * thrown exception as its error. With Spring Boot's metrics this gives a timer per API and operation; with tracing,
 * a span, open while the call runs so the store's JDBC spans nest in it.
 */
public final class ObservationCallListener implements CallListener {
    /** The observation's name. */
    public static final String NAME = "leadmanager.call";

    private final ObservationRegistry registry;

    /** @param registry where observations go; non-null */
    public ObservationCallListener(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Call started(String api, String operation) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("leadmanager " + api + "." + operation)
                .lowCardinalityKeyValue("leadmanager.api", api)
                .lowCardinalityKeyValue("leadmanager.operation", operation)
                .start();
        Observation.Scope scope = observation.openScope();
        return failure -> {
            scope.close();
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        };
    }
}
