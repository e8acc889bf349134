package org.leadmanager.domain.event;

import java.util.List;
import java.util.Objects;

/**
 * What a command on an aggregate decided: the aggregate's new state and the events the change caused, in order.
 * A command that changes nothing (e.g. moving a lead to the status it is on) answers {@link #unchanged}, with no
 * events; every change causes at least one event.
 *
 * @param state  the aggregate after the command, non-null
 * @param events what happened, in order; empty exactly when nothing changed
 * @param before the aggregate before the command where what is recorded of the change needs more of it than the
 *               events say (a lead's status change: since when it was on the status it left), else null
 * @param <T>    the aggregate
 */
public record Changed<T>(T state, List<DomainEvent> events, T before) {

    public Changed {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /** A change without its state before. */
    public Changed(T state, List<DomainEvent> events) {
        this(state, events, null);
    }

    /** The command left the aggregate as it was. */
    public static <T> Changed<T> unchanged(T state) {
        return new Changed<>(state, List.of());
    }

    /** The aggregate changed, causing the given events. */
    public static <T> Changed<T> to(T state, DomainEvent first, DomainEvent... more) {
        List<DomainEvent> all = new java.util.ArrayList<>(1 + more.length);
        all.add(Objects.requireNonNull(first, "first"));
        all.addAll(List.of(more));
        return new Changed<>(state, all);
    }

    /** Whether the command changed anything. */
    public boolean changed() {
        return !events.isEmpty();
    }
}
