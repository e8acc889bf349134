package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;

/**
 * The reminder claim queue. Claims see every tenant, so these tests use due times in 1980, before anything the
 * other tests schedule, and close their follow-ups afterwards.
 */
abstract class ClaimBehaviour extends StoreTestBase {
    private static final Instant NOW = Instant.parse("1980-06-01T12:00:00.000001Z");
    private static final Instant FAR = Instant.parse("2200-01-01T00:00:00Z");

    @BeforeEach
    @AfterEach
    void closeEverythingDueBefore1990() throws SQLException {
        try (Connection c = db().connect();
                PreparedStatement ps = c.prepareStatement("UPDATE lm_follow_up SET state = 'COMPLETED'"
                        + " WHERE due_at < ?")) {
            ps.setObject(1, java.time.OffsetDateTime.parse("1990-01-01T00:00:00Z"));
            if (db().kind().equals("mariadb")) {
                ps.setObject(1, java.time.LocalDateTime.parse("1990-01-01T00:00:00"));
            }
            ps.executeUpdate();
        }
    }

    @Test
    void claimsTheEarliestDueFollowUpsWithALease() {
        Lead lead = newLead();
        FollowUp first = Fixtures.followUp(lead, Fixtures.ALICE, NOW.minusSeconds(300));
        FollowUp second = Fixtures.followUp(lead, Fixtures.ALICE, NOW.minusSeconds(200));
        FollowUp third = Fixtures.followUp(lead, Fixtures.BOB, NOW.minusSeconds(100));
        FollowUp future = Fixtures.followUp(lead, Fixtures.BOB, NOW.plusSeconds(1));
        FollowUp done = Fixtures.followUp(lead, Fixtures.BOB, NOW.minusSeconds(400)).complete(NOW);
        run(s -> List.of(third, future, first, done, second).forEach(s.followUps()::insert));

        Instant lease = NOW.plusSeconds(60);
        List<FollowUp> claimed = tx(s -> s.reminders().claimDue(NOW, 2, "node-1", lease));
        assertEquals(List.of(Fixtures.describe(first.claimed("node-1", lease).withVersion(1)),
                Fixtures.describe(second.claimed("node-1", lease).withVersion(1))),
                claimed.stream().map(Fixtures::describe).toList());
        assertEquals(Fixtures.describe(claimed.get(0)),
                Fixtures.describe(tx(s -> s.followUps().find(lead.tenant(), first.id())).orElseThrow()));

        assertEquals(List.of(third.id()), ids(tx(s -> s.reminders().claimDue(NOW, 10, "node-2", lease))),
                "leased follow-ups are not claimable again");
        List<FollowUp> afterLease = tx(s -> s.reminders().claimDue(lease, 10, "node-3", FAR));
        assertEquals(future.id(), afterLease.get(0).id(), "earliest claimable first");
        assertEquals(Set.of(first.id(), second.id(), third.id()), Set.copyOf(ids(afterLease.subList(1, 4))),
                "an expired lease makes a follow-up claimable again");
        FollowUp reclaimed = afterLease.get(1);
        assertEquals(2, reclaimed.attempts());
        assertEquals(ReminderState.CLAIMED, reclaimed.reminder());

        FollowUp fired = tx(s -> s.followUps().update(reclaimed.fired(lease)));
        assertEquals(3, fired.version());
        List<FollowUpId> later = ids(tx(s -> s.reminders().claimDue(FAR.plusSeconds(1), 10, "node-4", FAR)));
        assertEquals(3, later.size(), "the leased ones come back after their lease");
        assertTrue(!later.contains(fired.id()), "a fired reminder is never claimed again");
    }

    @Test
    void concurrentClaimersNeverGetTheSameFollowUp() throws Exception {
        Lead lead = newLead();
        List<FollowUp> due = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            due.add(Fixtures.followUp(lead, Fixtures.ALICE, NOW.minusSeconds(i % 37)));
        }
        run(s -> due.forEach(s.followUps()::insert));

        int claimers = 4;
        CyclicBarrier start = new CyclicBarrier(claimers);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<List<FollowUpId>>> results = new ArrayList<>();
            for (int n = 0; n < claimers; n++) {
                JpaLeadStore node = JpaLeadStore.create(db().newEmf());
                String name = "node-" + n;
                Callable<List<FollowUpId>> work = () -> {
                    start.await();
                    List<FollowUpId> mine = new ArrayList<>();
                    for (int empty = 0; empty < 3; ) {
                        List<FollowUp> batch = node.inTransaction(s -> s.reminders().claimDue(NOW, 20, name, FAR));
                        batch.forEach(f -> mine.add(f.id()));
                        empty = batch.isEmpty() ? empty + 1 : 0;
                    }
                    return mine;
                };
                results.add(pool.submit(work));
            }
            Set<FollowUpId> claimed = new HashSet<>();
            for (Future<List<FollowUpId>> result : results) {
                for (FollowUpId id : result.get(2, TimeUnit.MINUTES)) {
                    assertTrue(claimed.add(id), "claimed twice: " + id);
                }
            }
            assertEquals(400, claimed.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private Lead newLead() {
        Project project = Fixtures.project(Fixtures.tenant(), "Claims");
        Lead lead = Fixtures.lead(project, "c");
        run(s -> {
            s.projects().insert(project);
            s.leads().insertIfAbsent(List.of(lead));
        });
        return lead;
    }

    private static List<FollowUpId> ids(List<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::id).toList();
    }
}
