package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.tck.MultiNodeReminderContract;
import org.leadmanager.tck.RecordingNotifier;
import org.leadmanager.tck.TckFixture;

/**
 * Reminders on PostgreSQL 17 (embedded): each node is a JpaLeadStore on an EntityManagerFactory of its own, all on
 * one database, claiming with {@code FOR UPDATE SKIP LOCKED}. And a database that refuses to record failed attempts.
 */
class PostgresRemindersTest {
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Nested
    class MultiNode extends MultiNodeReminderContract {
        @Override
        protected SharedDatabase newDatabase() {
            return JpaNodes.on(TestDatabase.postgres());
        }
    }

    @Test
    void attemptsWhoseFailureTheDatabaseRefusesStillCount() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres()) {
            execute(db, "CREATE FUNCTION lm_refuse() RETURNS trigger LANGUAGE plpgsql"
                    + " AS $$ BEGIN RAISE EXCEPTION 'last_error refused (test)'; END $$");
            execute(db, "CREATE TRIGGER lm_refuse_errors BEFORE UPDATE ON lm_follow_up FOR EACH ROW"
                    + " WHEN (NEW.last_error IS NOT NULL) EXECUTE FUNCTION lm_refuse()");
            TckFixture fx = TckFixture.create(db.store());
            Lead lead = fx.lead(fx.project().id());
            FollowUp followUp = fx.lm.followUps().schedule(fx.manager, lead.id(),
                    fx.clock.instant().plus(Duration.ofMinutes(1)), "Call back", fx.alice);
            RecordingNotifier notifier = new RecordingNotifier();
            notifier.failWhen(r -> true);
            ReminderDispatcher dispatcher = fx.lm.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                    .withNodeId("refused").withLease(LEASE).withRetries(2, Duration.ofMinutes(1)));
            fx.clock.advance(Duration.ofMinutes(1));

            for (int lease = 0; lease < 5; lease++) {
                dispatcher.dispatchDue();
                fx.clock.advance(LEASE);
            }
            assertEquals(List.of(1, 2), notifier.attempts(fx.tenant).stream().map(r -> r.attempt()).toList(),
                    "each unrecorded attempt counted; no more than maxAttempts calls");
            assertTrue(fx.lm.followUps().failedReminders(fx.manager).isEmpty());

            execute(db, "DROP TRIGGER lm_refuse_errors ON lm_follow_up");
            dispatcher.dispatchDue();

            assertEquals(2, notifier.attempts(fx.tenant).size());
            List<FollowUp> failed = fx.lm.followUps().failedReminders(fx.manager);
            assertEquals(List.of(followUp.id()), failed.stream().map(FollowUp::id).toList());
            assertEquals(ReminderState.FAILED, failed.get(0).reminder());
            assertEquals("the last of 2 attempts ended without a recorded outcome; not sent again",
                    failed.get(0).lastError());
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
