package org.leadmanager.jpa;

import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.LeadManagerContract;
import org.leadmanager.tck.StoredText;

/** The whole contract kit on the JPA store over PostgreSQL (embedded, version 17), one shared store in a database of its own. */
class PostgresContractTest extends LeadManagerContract {
    // not closed after the class: jqwik runs the kit's properties after JUnit Jupiter finished it
    private static final TestDatabase DB = TestDatabase.postgres().closeAtExit();

    @Override
    protected LeadStore store() {
        return DB.store();
    }

    @Override
    protected StoredText storedText(LeadStore store) {
        return DB.storedText();
    }
}
