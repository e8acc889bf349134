package org.leadmanager.jpa;

import org.junit.jupiter.api.AfterAll;

/** The store's behaviours on PostgreSQL 17, embedded and started by the tests. */
class PostgresStoreTest extends StoreBehaviours {
    private static final TestDatabase DB = TestDatabase.postgres();

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
        return TestDatabase.postgres();
    }
}
