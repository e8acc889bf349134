package org.leadmanager.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Follow-ups ("Wiedervorlage"): scheduled, snoozed and completed; the overview per user; a reminder dispatcher
 * driven by the host's own scheduler through {@code dispatchDue()}, firing each due follow-up once.
 */
public final class FollowUpRemindersExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
        Actor actor = Actor.manager(acme, anna);
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .clock(clock).build();
        Project project = SampleProject.create(leads, actor, "Solar");
        Lead petra = leads.qualification().qualify(actor, project.id(),
                crm.addContact(acme, "c-1", ContactCard.named("Petra Berg"))).lead();
        leads.leads().assign(actor, petra.id(), anna);

        FollowUp call = leads.followUps().schedule(actor, petra.id(), clock.instant().plus(Duration.ofHours(2)),
                "Call Petra about the offer");
        FollowUp mail = leads.followUps().schedule(actor, petra.id(), clock.instant().plus(Duration.ofDays(2)),
                "Send the brochure");
        leads.followUps().snooze(actor, mail.id(), Duration.ofDays(1));

        ReminderDispatcher dispatcher = leads.reminderDispatcher(ReminderDispatcher.Options.defaults(
                reminder -> System.out.println("REMINDER for " + reminder.followUp().owner() + ": "
                        + reminder.followUp().note() + " (key " + reminder.idempotencyKey() + ")")));
        System.out.println("fired at 08:00: " + dispatcher.dispatchDue());
        clock.advance(Duration.ofHours(3));
        System.out.println("fired at 11:00: " + dispatcher.dispatchDue());
        System.out.println("fired again at 11:00: " + dispatcher.dispatchDue());

        FollowUpOverview overview = leads.followUps().overview(actor, anna);
        overview.overdue().forEach(e -> System.out.println("overdue: " + e.contactName() + ", " + e.followUp().note()
                + " (reminded " + e.followUp().remindedAt() + ")"));
        overview.upcoming().forEach(e -> System.out.println("upcoming: " + e.contactName() + ", " + e.followUp().note()
                + " due " + e.due()));

        leads.followUps().complete(actor, call.id());
        System.out.println("after completing: " + leads.followUps().overview(actor, anna).overdue().size() + " overdue");
    }
}
