package org.leadmanager.spi.store;

import java.util.function.Function;

/**
 * Store SPI: where the library keeps its data. One adapter implements it ({@code InMemoryLeadStore},
 * {@code JpaLeadStore}, or a host's own, proven by the contract kit in {@code leadmanager-tck}).
 *
 * <p>Every repository call happens inside {@link #inTransaction}; every query is scoped by the tenant it is given,
 * except the claim queues the tenant-agnostic background work uses: {@link ReminderQueue#claimDue} (the reminder
 * dispatcher) and the {@link EventRegistry} (the event relay).
 */
public interface LeadStore {

    /**
     * Runs the work in one unit of work: all its changes and recorded events commit together, or none does.
     * A thrown exception rolls back and is rethrown; an adapter translates its optimistic-lock failures to
     * {@link org.leadmanager.error.StaleModificationException} and unique-key races to
     * {@link org.leadmanager.error.ConflictException}. Nested calls join the outer unit of work.
     */
    <T> T inTransaction(Function<StoreSession, T> work);

    /**
     * Runs work that only reads. An adapter may run it without a transaction of its own (each statement then reads
     * the latest committed state, as under READ COMMITTED), which saves the commit; the default is
     * {@link #inTransaction}. Inside a unit of work it joins that unit of work. The work must not change anything:
     * an adapter may reject changes or apply them outside any transaction.
     */
    default <T> T read(Function<StoreSession, T> work) {
        return inTransaction(work);
    }
}
