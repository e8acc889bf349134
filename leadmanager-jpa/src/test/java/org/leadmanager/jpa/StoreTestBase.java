package org.leadmanager.jpa;

import java.util.function.Function;
import org.leadmanager.spi.store.StoreSession;

/** A behaviour run against one database; the database comes from the enclosing per-database test class. */
abstract class StoreTestBase {

    abstract TestDatabase db();

    JpaLeadStore store() {
        return db().store();
    }

    <T> T tx(Function<StoreSession, T> work) {
        return store().inTransaction(work);
    }

    void run(java.util.function.Consumer<StoreSession> work) {
        store().inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }
}
