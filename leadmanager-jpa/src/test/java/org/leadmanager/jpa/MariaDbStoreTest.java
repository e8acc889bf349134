package org.leadmanager.jpa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The store's behaviours on the MariaDB server named by {@value TestDatabase#MARIADB_URL_VARIABLE}. */
@EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabase.MARIADB_URL_VARIABLE + " is not set, e.g. jdbc:mariadb://127.0.0.1:3306/"
                + "leadmanager_test?user=root&password=")
class MariaDbStoreTest {
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

    @Nested
    class Repositories extends RepositoryBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Search extends SearchBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class BulkInsert extends BulkInsertBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Outbox extends OutboxBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Claims extends ClaimBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Transactions extends TransactionBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Schema extends SchemaBehaviour {
        @Override
        TestDatabase db() {
            return db;
        }

        @Override
        TestDatabase freshDatabase() {
            return TestDatabase.mariaDb();
        }
    }
}
