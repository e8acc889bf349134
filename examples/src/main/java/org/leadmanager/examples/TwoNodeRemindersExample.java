package org.leadmanager.examples;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.jpa.JpaLeadStore;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.host.ReminderNotifier;

/**
 * A host running on two nodes, each with its own reminder dispatcher, against one database: every due follow-up
 * fires once, whichever node gets to it. For the example both "nodes" live in this process, each with its own
 * EntityManagerFactory, JpaLeadStore and LeadManager, exactly as two JVMs would have; the database is an embedded
 * H2 shared by name. On PostgreSQL or MariaDB the nodes claim with {@code FOR UPDATE SKIP LOCKED}.
 */
public final class TwoNodeRemindersExample {
    static final String DATABASE = "jdbc:h2:mem:reminders;DB_CLOSE_DELAY=-1";
    private static final int FOLLOW_UPS = 20;

    /** One notification as a node's notifier saw it. */
    private record Sent(String node, Reminder reminder) {
    }

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
        Actor actor = Actor.manager(acme, anna);
        Queue<Sent> sent = new ConcurrentLinkedQueue<>();
        CountDownLatch allSent = new CountDownLatch(FOLLOW_UPS);

        try (EntityManagerFactory emfA = DemoDatabase.open(DATABASE);
                EntityManagerFactory emfB = DemoDatabase.open(DATABASE)) {
            LeadManager nodeA = LeadManager.builder().store(JpaLeadStore.create(emfA)).contacts(crm).users(crm)
                    .clock(clock).build();
            LeadManager nodeB = LeadManager.builder().store(JpaLeadStore.create(emfB)).contacts(crm).users(crm)
                    .clock(clock).build();

            // Work happens on either node: leads and follow-ups scheduled on A are B's as well.
            Project project = SampleProject.create(nodeA, actor, "Solar");
            Map<LeadId, String> names = new HashMap<>();
            List<FollowUp> scheduled = new ArrayList<>();
            for (int i = 1; i <= FOLLOW_UPS; i++) {
                String name = String.format("Contact %02d", i);
                LeadManager node = i % 2 == 0 ? nodeA : nodeB;
                Lead lead = node.qualification().qualify(actor, project.id(),
                        crm.addContact(acme, "c-" + i, ContactCard.named(name))).lead();
                names.put(lead.id(), name);
                scheduled.add(node.followUps().schedule(actor, lead.id(),
                        clock.instant().plus(Duration.ofMinutes(3L * i)), "Call " + name, anna));
            }
            clock.advance(Duration.ofHours(1));
            System.out.println(FOLLOW_UPS + " follow-ups due by " + clock.instant());

            // Each node starts its dispatcher at boot and stops it at shutdown; nothing runs until start().
            try (ReminderDispatcher dispatcherA = nodeA.reminderDispatcher(options("node-a", sent, allSent));
                    ReminderDispatcher dispatcherB = nodeB.reminderDispatcher(options("node-b", sent, allSent))) {
                dispatcherA.start();
                dispatcherB.start();
                await(allSent);
            }

            Table table = new Table("Who fired what", "node", "follow-up", "lead", "due");
            sent.stream().sorted(Comparator.comparing((Sent s) -> s.reminder().followUp().dueAt()))
                    .forEach(s -> table.row(s.node(), s.reminder().followUp().note(),
                            names.get(s.reminder().followUp().lead()), s.reminder().followUp().dueAt()));
            table.print(System.out);

            long distinct = sent.stream().map(s -> s.reminder().idempotencyKey()).distinct().count();
            System.out.println("reminders sent: " + sent.size() + ", " + distinct + " distinct follow-ups, "
                    + (sent.size() - distinct) + " duplicates");
            System.out.println("per node: " + sent.stream().collect(Collectors.groupingBy(Sent::node,
                    TreeMap::new, Collectors.counting())));
            long fired = scheduled.stream().flatMap(f -> nodeB.followUps().forLead(actor, f.lead()).stream())
                    .filter(f -> f.reminder() == ReminderState.FIRED && f.remindedAt() != null).count();
            System.out.println("stored as FIRED: " + fired + " of " + FOLLOW_UPS);

            int again = nodeA.reminderDispatcher(options("node-a", sent, allSent)).dispatchDue()
                    + nodeB.reminderDispatcher(options("node-b", sent, allSent)).dispatchDue();
            System.out.println("another round on both nodes fired " + again);
        } finally {
            dropDatabase();
        }
    }

    /** A node's dispatcher; its notifier stands in for sending an e-mail and records what it sent. */
    private static ReminderDispatcher.Options options(String node, Queue<Sent> sent, CountDownLatch allSent) {
        ReminderNotifier notifier = reminder -> {
            Thread.sleep(5); // sending takes a moment, long enough for the other node to claim the next batch
            sent.add(new Sent(node, reminder));
            allSent.countDown();
        };
        return ReminderDispatcher.Options.defaults(notifier).withNodeId(node).withBatchSize(4)
                .withPollInterval(Duration.ofMillis(20));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the reminders were not sent within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reminders", e);
        }
    }

    /** Drops the in-memory database, so the example can run again in the same JVM. */
    private static void dropDatabase() {
        try (Connection c = DriverManager.getConnection(DATABASE); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + DATABASE, e);
        }
    }
}
