package org.leadmanager.jpa;

import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.LeadManagerContract;
import org.leadmanager.tck.StoredText;

/** The whole contract kit on the JPA store over H2 in memory, one shared store in a database of its own. */
class H2ContractTest extends LeadManagerContract {
    // not closed after the class: jqwik runs the kit's properties after JUnit Jupiter finished it
    private static final TestDatabase DB = TestDatabase.h2().closeAtExit();

    @Override
    protected LeadStore store() {
        return DB.store();
    }

    @Override
    protected StoredText storedText(LeadStore store) {
        return DB.storedText();
    }
}
