package org.leadmanager.jpa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The store's behaviours on the MariaDB server named by {@value TestDatabase#MARIADB_URL_VARIABLE}. */
@EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabase.MARIADB_URL_VARIABLE + " is not set, e.g. jdbc:mariadb://127.0.0.1:3306/"
                + "leadmanager_test?user=root&password=")
class MariaDbStoreTest extends StoreBehaviours {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.mariaDb();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    TestDatabase database() {
        return db;
    }

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.mariaDb();
    }
}
