package org.leadmanager.inmemory;

import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.LeadManagerContract;
import org.leadmanager.tck.StoredText;

/** Runs the whole contract kit on the in-memory store, a fresh store per test. */
class InMemoryContractTest extends LeadManagerContract {

    @Override
    protected LeadStore store() {
        return InMemoryLeadStore.create();
    }

    /** The store's whole object graph. */
    @Override
    protected StoredText storedText(LeadStore store) {
        return StoredText.ofObjects(store);
    }
}
