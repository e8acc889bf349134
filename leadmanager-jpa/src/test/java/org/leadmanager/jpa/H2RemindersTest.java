package org.leadmanager.jpa;

import org.junit.jupiter.api.Nested;
import org.leadmanager.tck.MultiNodeReminderContract;

/**
 * Reminders on H2 (in memory): each node is a JpaLeadStore on an EntityManagerFactory of its own, all on
 * one database, claiming with updates conditional on the row version.
 */
class H2RemindersTest {
    @Nested
    class MultiNode extends MultiNodeReminderContract {
        @Override
        protected SharedDatabase newDatabase() {
            return JpaNodes.on(TestDatabase.h2());
        }
    }
}
