package org.leadmanager.inmemory;

import org.junit.jupiter.api.Nested;
import org.leadmanager.tck.MultiNodeReminderContract;

/** Reminders on the in-memory store: lead managers sharing one store are the nodes of one host. */
class InMemoryRemindersTest {

    @Nested
    class MultiNode extends MultiNodeReminderContract {
        @Override
        protected SharedDatabase newDatabase() {
            InMemoryLeadStore store = InMemoryLeadStore.create();
            return SharedDatabase.of(() -> store, () -> { });
        }
    }
}
