package org.leadmanager.inmemory;

import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.LeadManagerContract;

/** Runs the whole contract kit on the in-memory store, a fresh store per test. */
class InMemoryContractTest extends LeadManagerContract {

    @Override
    protected LeadStore store() {
        return InMemoryLeadStore.create();
    }
}
