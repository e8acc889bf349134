package org.leadmanager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.leadmanager.spi.host.AccessPolicy;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.host.UserDirectory;

/** Configures and builds a {@link LeadManager}. Store, contacts and users are required. Not thread-safe. */
public final class LeadManagerBuilder {
    private LeadStore store;
    private ContactDirectory contacts;
    private UserDirectory users;
    private AccessPolicy accessPolicy = AccessPolicy.standard();
    private EventPublisher events = EventPublisher.none();
    private Clock clock = Clock.systemUTC();
    private int chunkSize = 1000;
    private CallListener callListener = CallListener.none();

    LeadManagerBuilder() {
    }

    /** Where data is kept: {@code InMemoryLeadStore.create()}, {@code JpaLeadStore.create(emf)} or your own. */
    public LeadManagerBuilder store(LeadStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** The host's contacts and groups. */
    public LeadManagerBuilder contacts(ContactDirectory contacts) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        return this;
    }

    /** The host's users. */
    public LeadManagerBuilder users(UserDirectory users) {
        this.users = Objects.requireNonNull(users, "users");
        return this;
    }

    /** Who may see and change what; default {@link AccessPolicy#standard()}. */
    public LeadManagerBuilder accessPolicy(AccessPolicy accessPolicy) {
        this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
        return this;
    }

    /**
     * Receives every event after its change committed, from the event relay ({@link LeadManager#eventRelay}).
     * Default {@link EventPublisher#none()}: no events are recorded, so changes write nothing to the store's event
     * registry.
     */
    public LeadManagerBuilder events(EventPublisher events) {
        this.events = Objects.requireNonNull(events, "events");
        return this;
    }

    /** The time source for everything the library stamps or compares; default {@link Clock#systemUTC()}. */
    public LeadManagerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Told of every API call, e.g. for metrics or tracing; default {@link CallListener#none()}. */
    public LeadManagerBuilder callListener(CallListener callListener) {
        this.callListener = Objects.requireNonNull(callListener, "callListener");
        return this;
    }

    /** How many contacts bulk calls handle per unit of work; 1..10,000, default 1000. */
    public LeadManagerBuilder bulkChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
        return this;
    }

    /**
     * Builds the lead manager.
     *
     * @throws IllegalStateException naming every missing or invalid setting
     */
    public LeadManager build() {
        List<String> problems = new ArrayList<>();
        if (store == null) {
            problems.add("store is required: e.g. .store(InMemoryLeadStore.create())");
        }
        if (contacts == null) {
            problems.add("contacts is required: the host's ContactDirectory");
        }
        if (users == null) {
            problems.add("users is required: the host's UserDirectory");
        }
        if (chunkSize < 1 || chunkSize > 10_000) {
            problems.add("bulkChunkSize must be between 1 and 10000, was " + chunkSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("LeadManager cannot be built: " + String.join("; ", problems));
        }
        return new DefaultLeadManager(store, contacts, users, accessPolicy, events, clock, chunkSize, callListener);
    }
}
