package org.leadmanager.spi.host;

import org.leadmanager.domain.event.EventEnvelope;

/** The one {@link EventPublisher#none()}, recognisable by identity. */
enum NoPublisher implements EventPublisher {
    INSTANCE;

    @Override
    public void publish(EventEnvelope event) {
    }
}
