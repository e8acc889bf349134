package org.leadmanager.spring;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers of a background job, each told of an event in turn; what one throws is logged and does not keep
 * the others from hearing of it.
 *
 * @param <O> the observer type
 */
final class Observers<O> {
    private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

    private final List<O> observers;
    private final String kind;

    /** @param kind the observer type's name, for the log */
    Observers(List<O> observers, String kind) {
        this.observers = List.copyOf(observers);
        this.kind = kind;
    }

    void tell(Consumer<O> event) {
        for (O observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed; ignored", kind, observer, e);
            }
        }
    }
}
