package org.leadmanager.jpa;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.leadmanager.tck.MultiNodeReminderContract;

/**
 * Reminders on the MariaDB of {@value TestDatabase#MARIADB_URL_VARIABLE}: each node is a JpaLeadStore on an
 * EntityManagerFactory of its own, all on one database, claiming with {@code FOR UPDATE SKIP LOCKED}.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabase.MARIADB_URL_VARIABLE + " is not set, e.g. jdbc:mariadb://127.0.0.1:3306/"
                + "leadmanager_test?user=root&password=")
class MariaDbRemindersTest {
    @Nested
    class MultiNode extends MultiNodeReminderContract {
        @Override
        protected SharedDatabase newDatabase() {
            return JpaNodes.on(TestDatabase.mariaDb());
        }
    }
}
