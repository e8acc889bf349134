package org.leadmanager.jpa;

import org.junit.jupiter.api.Nested;
import org.leadmanager.tck.MultiNodeReminderContract;

/**
 * Reminders on PostgreSQL 17 (embedded): each node is a JpaLeadStore on an EntityManagerFactory of its own, all on
 * one database, claiming with {@code FOR UPDATE SKIP LOCKED}.
 */
class PostgresRemindersTest {
    @Nested
    class MultiNode extends MultiNodeReminderContract {
        @Override
        protected SharedDatabase newDatabase() {
            return JpaNodes.on(TestDatabase.postgres());
        }
    }
}
