package org.leadmanager.jpa;

import org.leadmanager.tck.MultiNodeReminderContract.SharedDatabase;

/** Host nodes on one test database: every store gets an EntityManagerFactory (and connection pool) of its own. */
final class JpaNodes {

    private JpaNodes() {
    }

    /** Nodes on the database, which is dropped when the shared database is closed. */
    static SharedDatabase on(TestDatabase db) {
        return SharedDatabase.of(() -> JpaLeadStore.create(db.newEmf()), db::close);
    }
}
