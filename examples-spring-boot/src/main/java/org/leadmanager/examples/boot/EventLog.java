package org.leadmanager.examples.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.leadmanager.domain.event.EventEnvelope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hears the lead manager's events as Spring application events; they arrive only after their change committed. */
@Component
public class EventLog {
    private final List<String> types = new CopyOnWriteArrayList<>();

    @EventListener
    void on(EventEnvelope event) {
        types.add(event.event().getClass().getSimpleName());
    }

    /** @return the simple type names of the events heard, oldest first */
    public List<String> types() {
        return List.copyOf(types);
    }
}
