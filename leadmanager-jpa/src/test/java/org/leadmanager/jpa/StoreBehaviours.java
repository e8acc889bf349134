package org.leadmanager.jpa;

import org.junit.jupiter.api.Nested;

/** The store's behaviours, run once per database by a subclass that names the database. */
abstract class StoreBehaviours {

    /** The database shared by the behaviours of one run. */
    abstract TestDatabase database();

    /** A new, empty database of the same kind. */
    abstract TestDatabase freshDatabase();

    @Nested
    class Repositories extends RepositoryBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Search extends SearchBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Screens extends ScreenBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class ResponseClockCost extends ResponseClockCostBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Tallies extends TallyBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class BulkInsert extends BulkInsertBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Events extends EventRegistryBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Claims extends ClaimBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Transactions extends TransactionBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Flyway extends FlywayBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }
    }

    @Nested
    class Schema extends SchemaBehaviour {
        @Override
        TestDatabase db() {
            return database();
        }

        @Override
        TestDatabase freshDatabase() {
            return StoreBehaviours.this.freshDatabase();
        }
    }
}
