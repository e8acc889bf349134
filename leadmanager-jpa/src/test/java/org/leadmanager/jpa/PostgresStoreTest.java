package org.leadmanager.jpa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The store's behaviours on PostgreSQL 17, embedded and started by the tests. */
class PostgresStoreTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @AfterAll
    static void close() {
        DB.close();
    }

    @Nested
    class Repositories extends RepositoryBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }
    }

    @Nested
    class Search extends SearchBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }
    }

    @Nested
    class BulkInsert extends BulkInsertBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }
    }

    @Nested
    class Outbox extends OutboxBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }
    }

    @Nested
    class Claims extends ClaimBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }
    }

    @Nested
    class Transactions extends TransactionBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }
    }

    @Nested
    class Schema extends SchemaBehaviour {
        @Override
        TestDatabase db() {
            return DB;
        }

        @Override
        TestDatabase freshDatabase() {
            return TestDatabase.postgres();
        }
    }
}
