package org.leadmanager.jpa;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.LeadManagerContract;
import org.leadmanager.tck.StoredText;

/** The whole contract kit on the JPA store over the MariaDB of {@value TestDatabase#MARIADB_URL_VARIABLE}. */
@EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabase.MARIADB_URL_VARIABLE + " is not set, e.g. jdbc:mariadb://127.0.0.1:3306/"
                + "leadmanager_test?user=root&password=")
class MariaDbContractTest extends LeadManagerContract {
    private static TestDatabase db;

    /** Created on first use and dropped at exit: jqwik runs the kit's properties after JUnit Jupiter. */
    private static synchronized TestDatabase db() {
        if (db == null) {
            db = TestDatabase.mariaDb().closeAtExit();
        }
        return db;
    }

    @Override
    protected LeadStore store() {
        return db().store();
    }

    @Override
    protected StoredText storedText(LeadStore store) {
        return db().storedText();
    }
}
