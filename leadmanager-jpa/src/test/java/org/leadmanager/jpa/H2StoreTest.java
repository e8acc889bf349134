package org.leadmanager.jpa;

import org.junit.jupiter.api.AfterAll;

/** The store's behaviours on H2 in memory. */
class H2StoreTest extends StoreBehaviours {
    private static final TestDatabase DB = TestDatabase.h2();

    @AfterAll
    static void close() {
        DB.close();
    }

    @Override
    TestDatabase database() {
        return DB;
    }

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.h2();
    }
}
