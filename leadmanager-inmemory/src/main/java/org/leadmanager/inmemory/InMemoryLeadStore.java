package org.leadmanager.inmemory;

import java.util.Objects;
import java.util.function.Function;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.StoreSession;

/**
 * A thread-safe {@link LeadStore} that keeps everything in memory: for tests, demos and small hosts.
 *
 * <p><b>Design.</b> One store lock is held for the whole of each unit of work, and every change is applied in place
 * while its inverse goes to the unit of work's undo log; a failing unit of work replays that log backwards, and a
 * nested {@link #inTransaction} call joins the running one through a savepoint. This was chosen over private write
 * buffers validated at commit because it is simple to make exactly right: units of work are serialisable, every
 * read sees the unit of work's own writes through the same indexes, optimistic version checks and unique keys
 * (one lead per project and contact, project names, saved-search names) are decided at the call that makes the
 * change rather than at commit, and claiming due follow-ups can never hand one out twice. The price is that units
 * of work never overlap, which suits an in-memory store, whose units of work take microseconds; host code called
 * inside a unit of work must not wait for another thread that uses the same store.
 *
 * <p><b>Indexes.</b> The leads of each tenant and project are kept in buckets per status and owner, each sorted by
 * last activity then id. A list page reads only the buckets of the ticked statuses and owners; for the default sort
 * (last activity) the buckets are merged lazily from the keyset position, so a page costs about its size times the
 * logarithm of the bucket count, whatever the number of leads. Other sorts filter the selected buckets through a
 * bounded heap. The kept tallies are sums per tenant, project and key, changed in place like everything else; a
 * recount takes the bucket sizes. Counts for other criteria walk the selected buckets. Follow-ups are indexed per
 * lead, per owner and in one claim queue ordered by the time they become claimable.
 *
 * <p><b>Events.</b> Events recorded by a unit of work join the publication registry when it commits, numbered in
 * commit order, as objects (nothing is serialized). Relays claim, mark and give back events in units of work of
 * their own; they publish between those, without the store lock, so publishing never blocks units of work.
 *
 * <p>Every repository call must happen inside {@link #inTransaction}, on the thread running it; a call elsewhere
 * throws {@link IllegalStateException}. Returned aggregates are the immutable domain objects and returned
 * collections are unmodifiable.
 */
public final class InMemoryLeadStore implements LeadStore {
    private final Transactions transactions = new Transactions();
    private final EventTable events = new EventTable(transactions);
    private final Session session = new Session(transactions, events);

    private InMemoryLeadStore() {
    }

    /** A new, empty store. */
    public static InMemoryLeadStore create() {
        return new InMemoryLeadStore();
    }

    /**
     * Runs the work as one unit of work. Units of work run one at a time; a call from inside a unit of work on the
     * same thread joins it, and if that inner call throws, only its own changes and events are undone.
     *
     * @param work non-null; may return null
     * @return what the work returned
     * @throws NullPointerException if work is null; anything the work throws is rethrown unchanged after every
     *                              change and event of the unit of work was undone
     */
    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.run(() -> work.apply(session), events::append);
    }
}
