package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.LOST;
import static org.leadmanager.tck.TckFixture.NEW;
import static org.leadmanager.tck.TckFixture.OFFER;
import static org.leadmanager.tck.TckFixture.WON;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ConflictException;
import org.leadmanager.BulkResult;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.DomainEvent.FollowUpCancelled;
import org.leadmanager.domain.event.DomainEvent.FollowUpCompleted;
import org.leadmanager.domain.event.DomainEvent.FollowUpDue;
import org.leadmanager.domain.event.DomainEvent.FollowUpRescheduled;
import org.leadmanager.domain.event.DomainEvent.FollowUpScheduled;
import org.leadmanager.domain.event.DomainEvent.LeadAssigned;
import org.leadmanager.domain.event.DomainEvent.LeadConverted;
import org.leadmanager.domain.event.DomainEvent.LeadDisqualified;
import org.leadmanager.domain.event.DomainEvent.LeadMovedToContact;
import org.leadmanager.domain.event.DomainEvent.LeadQualified;
import org.leadmanager.domain.event.DomainEvent.LeadStatusChanged;
import org.leadmanager.domain.event.DomainEvent.LeadsMerged;
import org.leadmanager.domain.event.DomainEvent.NoteAdded;
import org.leadmanager.domain.event.DomainEvent.NoteDeleted;
import org.leadmanager.domain.event.DomainEvent.NoteEdited;
import org.leadmanager.domain.event.DomainEvent.ProjectChanged;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.spi.host.EventPublisher;

/**
 * Capability 7: every change records its events, which the event relay publishes after commit, in order; none is
 * lost.
 */
public abstract class EventsContract extends ContractBase {

    /** Events of the tenant published by the call. */
    private List<DomainEvent> during(Runnable call) {
        int before = fx.publishedEvents().size();
        call.run();
        List<DomainEvent> all = fx.publishedEvents();
        return all.subList(before, all.size());
    }

    @Test
    void creatingAndConfiguringAProjectPublishesProjectChanged() {
        Project[] project = new Project[1];
        List<DomainEvent> created = during(() -> project[0] = fx.project("Solar roofs"));
        assertEquals(List.of(new ProjectChanged(project[0].id(), "created")), created);
        List<DomainEvent> renamed = during(() -> lm().projects().rename(manager(), project[0].id(), "Solar"));
        assertEquals(1, renamed.size());
        assertTrue(renamed.get(0) instanceof ProjectChanged pc && pc.project().equals(project[0].id()));
    }

    @Test
    void qualificationPublishesLeadQualifiedWithAnEnvelope() {
        Project project = fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika");
        Lead[] lead = new Lead[1];

        List<DomainEvent> events = during(() ->
                lead[0] = lm().qualification().qualify(manager(), project.id(), contact).lead());

        assertEquals(List.of(new LeadQualified(lead[0].id(), project.id(), contact, Origin.manual(fx.mia), null)),
                events);
        EventEnvelope envelope = fx.events.envelopes(fx.tenant).get(fx.events.envelopes(fx.tenant).size() - 1);
        assertEquals(fx.tenant, envelope.tenant());
        assertEquals(fx.mia, envelope.actor());
        assertEquals(fx.clock.instant(), envelope.occurredAt());
        assertEquals(List.of(), during(() -> lm().qualification().qualify(manager(), project.id(), contact)),
                "qualifying again publishes nothing");
    }

    @Test
    void bulkQualificationPublishesOneLeadQualifiedPerNewLead() {
        Project project = fx.project("Solar roofs");
        List<ContactId> contacts = fx.contacts(5, "V");
        fx.lead(project.id(), contacts.get(2));

        List<DomainEvent> events = during(() -> fx.withChunkSize(2).qualification().qualifyAll(manager(),
                project.id(), contacts));

        assertEquals(4, events.size());
        assertTrue(events.stream().allMatch(e -> e instanceof LeadQualified));
        assertEquals(Set.of(contacts.get(0), contacts.get(1), contacts.get(3), contacts.get(4)),
                new HashSet<>(events.stream().map(e -> ((LeadQualified) e).contact()).toList()));
    }

    @Test
    void aBulkRunOverMostlyKnownContactsPublishesOnlyForTheNewOnes() {
        Project project = fx.project("Solar roofs");
        List<ContactId> contacts = fx.contacts(8, "V");
        LeadManager chunked = fx.withChunkSize(2);
        chunked.qualification().qualifyAll(manager(), project.id(), contacts.subList(0, 4));
        // chunks: known, known, new, new, known and new mixed: every way of finding out which contacts are new
        List<ContactId> input = new java.util.ArrayList<>(contacts);
        input.addAll(List.of(contacts.get(0), contacts.get(5), contacts.get(1), contacts.get(2)));
        BulkResult[] result = new BulkResult[1];

        List<DomainEvent> events = during(() -> result[0] = chunked.qualification().qualifyAll(manager(),
                project.id(), input));

        assertEquals(4, result[0].added());
        assertEquals(8, result[0].alreadyLeads());
        assertEquals(contacts.subList(4, 8), events.stream().map(e -> ((LeadQualified) e).contact()).toList(),
                "one LeadQualified per new lead, none for the known ones");
        assertEquals(8, lm().search().countByStatus(manager(), project.id(), LeadCriteria.all()).total());
    }

    @Test
    void assignmentPublishesLeadAssigned() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        assertEquals(List.of(new LeadAssigned(lead.id(), project.id(), null, fx.alice, OwnerReason.manual(fx.mia))),
                during(() -> lm().leads().assign(manager(), lead.id(), fx.alice)));
        assertEquals(List.of(), during(() -> lm().leads().assign(manager(), lead.id(), fx.alice)),
                "assigning the owner again publishes nothing");
        assertEquals(List.of(new LeadAssigned(lead.id(), project.id(), fx.alice, null,
                OwnerReason.unassigned(fx.mia))), during(() -> lm().leads().unassign(manager(), lead.id())));
    }

    @Test
    void statusChangesPublishStatusChangedThenConvertedOrDisqualified() {
        Project project = fx.project("Solar roofs");
        Lead a = fx.lead(project.id());
        Lead b = fx.lead(project.id());

        assertEquals(List.of(new LeadStatusChanged(a.id(), project.id(), NEW, OFFER)),
                during(() -> lm().leads().changeStatus(manager(), a.id(), OFFER)));
        assertEquals(List.of(new LeadStatusChanged(a.id(), project.id(), OFFER, WON),
                new LeadConverted(a.id(), project.id(), WON)),
                during(() -> lm().leads().convert(manager(), a.id())));
        assertEquals(List.of(new LeadStatusChanged(b.id(), project.id(), NEW, LOST),
                new LeadDisqualified(b.id(), project.id(), LOST, "no budget")),
                during(() -> lm().leads().disqualify(manager(), b.id(), "no budget")));
    }

    @Test
    void retiringAStatusPublishesAStatusChangePerMovedLead() {
        Project project = fx.project("Solar roofs");
        Lead a = fx.lead(project.id());
        Lead b = fx.lead(project.id());
        fx.lead(project.id());
        lm().leads().changeStatus(manager(), a.id(), CONTACTED);
        lm().leads().changeStatus(manager(), b.id(), CONTACTED);

        List<DomainEvent> events = during(() -> lm().projects().retireStatus(manager(), project.id(), CONTACTED,
                OFFER));

        assertEquals(Set.of(new LeadStatusChanged(a.id(), project.id(), CONTACTED, OFFER),
                new LeadStatusChanged(b.id(), project.id(), CONTACTED, OFFER)),
                Set.copyOf(events.stream().filter(e -> e instanceof LeadStatusChanged).toList()));
        assertEquals(1, events.stream().filter(e -> e instanceof ProjectChanged).count());
    }

    @Test
    void retiringAStatusIntoAWonOnePublishesConversions() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), OFFER);

        List<DomainEvent> events = during(() -> lm().projects().retireStatus(manager(), project.id(), OFFER, WON));

        assertEquals(List.of(new LeadStatusChanged(lead.id(), project.id(), OFFER, WON),
                new LeadConverted(lead.id(), project.id(), WON)),
                events.stream().filter(e -> !(e instanceof ProjectChanged)).toList());
    }

    @Test
    void notesPublishAddedEditedAndDeleted() {
        Lead lead = fx.lead(fx.project("Solar roofs").id());
        Note[] note = new Note[1];
        List<DomainEvent> added = during(() -> note[0] = lm().leads().addNote(manager(), lead.id(), "hello"));
        assertEquals(List.of(new NoteAdded(lead.id(), note[0].id())), added);
        assertEquals(List.of(new NoteEdited(lead.id(), note[0].id())),
                during(() -> lm().leads().editNote(manager(), note[0].id(), "hello again")));
        assertEquals(List.of(new NoteDeleted(lead.id(), note[0].id())),
                during(() -> lm().leads().deleteNote(manager(), note[0].id())));
    }

    @Test
    void followUpsPublishTheirLifeCycle() {
        Project project = fx.project("Solar roofs");
        Lead lead = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);
        Instant due = fx.clock.instant().plus(Duration.ofHours(1));
        FollowUp[] f = new FollowUp[2];

        List<DomainEvent> scheduled =
                during(() -> f[0] = lm().followUps().schedule(manager(), lead.id(), due, "call"));
        assertEquals(List.of(new FollowUpScheduled(f[0].id(), lead.id(), fx.alice, due)), scheduled);
        Instant later = due.plus(Duration.ofHours(1));
        assertEquals(List.of(new FollowUpRescheduled(f[0].id(), lead.id(), later)),
                during(() -> lm().followUps().reschedule(manager(), f[0].id(), later)));
        assertEquals(List.of(new FollowUpRescheduled(f[0].id(), lead.id(), later.plus(Duration.ofMinutes(5)))),
                during(() -> lm().followUps().snooze(manager(), f[0].id(), Duration.ofMinutes(5))));
        assertEquals(List.of(new FollowUpCompleted(f[0].id(), lead.id())),
                during(() -> lm().followUps().complete(manager(), f[0].id())));
        f[1] = lm().followUps().schedule(manager(), lead.id(), due, "other");
        assertEquals(List.of(new FollowUpCancelled(f[1].id(), lead.id())),
                during(() -> lm().followUps().cancel(manager(), f[1].id())));
    }

    @Test
    void aFiredReminderPublishesFollowUpDue() {
        Project project = fx.project("Solar roofs");
        Lead lead = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);
        FollowUp followUp = lm().followUps().schedule(manager(), lead.id(),
                fx.clock.instant().plus(Duration.ofMinutes(5)), "call");
        fx.clock.advance(Duration.ofMinutes(5));
        try (ReminderDispatcher dispatcher = lm().reminderDispatcher(
                ReminderDispatcher.Options.defaults(new RecordingNotifier()).withNodeId("tck-events"))) {
            List<DomainEvent> events = during(dispatcher::dispatchDue);
            assertEquals(List.of(new FollowUpDue(followUp.id(), lead.id(), fx.alice, followUp.dueAt())), events);
        }
        EventEnvelope last = fx.events.envelopes(fx.tenant).get(fx.events.envelopes(fx.tenant).size() - 1);
        assertEquals(fx.system().user(), last.actor());
    }

    @Test
    void mergingContactsPublishesMovedAndMergedLeads() {
        Project both = fx.project("Solar roofs");
        Project onlyFrom = fx.project("Heat pumps");
        ContactId from = fx.contact("A");
        ContactId into = fx.contact("B");
        Lead source = fx.lead(both.id(), from);
        Lead target = fx.lead(both.id(), into);
        Lead moved = fx.lead(onlyFrom.id(), from);

        Set<DomainEvent> events = Set.copyOf(during(() -> lm().leads().contactsMerged(manager(), from, into)));

        assertEquals(Set.of(new LeadsMerged(source.id(), target.id(), both.id()),
                new LeadMovedToContact(moved.id(), from, into)), events);
    }

    @Test
    void aRejectedCallPublishesNothing() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        int before = fx.publishedEvents().size();
        try {
            lm().leads().changeStatus(manager(), lead.id(), LOST);
        } catch (ValidationException expected) {
            // rejected: LOST needs a reason
        }
        try {
            fx.project("SOLAR ROOFS");
        } catch (ConflictException expected) {
            // rejected: duplicate name
        }
        assertEquals(before, fx.publishedEvents().size());
    }

    @Test
    void eventsArePublishedOnlyAfterTheirChangeCommitted() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        List<String> seen = new CopyOnWriteArrayList<>();
        LeadManager[] observed = new LeadManager[1];
        observed[0] = fx.newLeadManager(b -> b.events(envelope -> {
            if (envelope.event() instanceof LeadStatusChanged changed && envelope.tenant().equals(fx.tenant)) {
                seen.add(observed[0].leads().get(manager(), changed.lead()).status().value());
            }
            fx.events.publish(envelope);
        }));
        EventRelay relay = observed[0].eventRelay(EventRelay.Options.defaults().withNodeId("tck-observer"));

        observed[0].leads().changeStatus(manager(), lead.id(), CONTACTED);
        relay.relayDue();
        observed[0].leads().changeStatus(manager(), lead.id(), OFFER);
        relay.relayDue();

        assertEquals(List.of("contacted", "offer"), seen, "the publisher sees the committed state");
    }

    @Test
    void aChangeRecordsItsEventsAndOnlyARelayPublishesThem() {
        Project project = fx.project("Solar roofs");
        fx.relayEvents();
        long pending = fx.relay.backlog().pending();

        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);

        assertEquals(List.of(new ProjectChanged(project.id(), "created")), fx.events.events(fx.tenant),
                "writes publish nothing themselves");
        assertEquals(pending + 2, fx.relay.backlog().pending(), "recorded, pending");
        assertTrue(fx.relayEvents() >= 2);
        assertEquals(List.of(new LeadStatusChanged(lead.id(), project.id(), NEW, CONTACTED)),
                fx.events.events(fx.tenant, LeadStatusChanged.class));
        assertTrue(fx.relay.backlog().pending() <= pending, "published events leave the backlog");
    }

    @Test
    void aFailingPublisherDoesNotFailTheCallAndALaterRelayDeliversTheEventsInOrder() {
        Project project = fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika");
        fx.relayEvents();
        Lead lead = lm().qualification().qualify(manager(), project.id(), contact).lead();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        lm().leads().addNote(manager(), lead.id(), "called");
        fx.events.failing(true);
        try {
            fx.relayEvents();
        } finally {
            fx.events.failing(false);
        }
        assertEquals(CONTACTED, fx.reload(lead.id()).status(), "the changes committed");
        assertEquals(1, fx.events.refused(fx.tenant).size(),
                "the publisher was called for the lead's first event, the later ones wait behind it");
        fx.relayEvents();
        assertEquals(List.of(), fx.events.events(fx.tenant, LeadQualified.class),
                "nothing goes out before the backoff ended");
        int before = fx.events.events(fx.tenant).size();
        assertEquals(1, before, "only the project's creation was published");

        fx.clock.advance(EventRelay.Options.defaults().backoff());
        int relayed = fx.relayEvents();

        List<DomainEvent> events = fx.events.events(fx.tenant).subList(before, fx.events.events(fx.tenant).size());
        assertTrue(relayed >= 3, "relayed " + relayed);
        assertEquals(3, events.size());
        assertTrue(events.get(0) instanceof LeadQualified q && q.lead().equals(lead.id()), events.toString());
        assertEquals(new LeadStatusChanged(lead.id(), project.id(), NEW, CONTACTED), events.get(1));
        assertTrue(events.get(2) instanceof NoteAdded n && n.lead().equals(lead.id()), events.toString());
        assertEquals(3, fx.publishedEvents().size() - before, "each event is published once");
    }

    @Test
    void withoutAPublisherChangesRecordNoEvents() {
        Project project = fx.project("Solar roofs");
        fx.relayEvents();
        long pending = fx.relay.backlog().pending();
        LeadManager silent = fx.newLeadManager(b -> b.events(EventPublisher.none()));

        Lead lead = silent.qualification().qualify(manager(), project.id(), fx.contact("Erika")).lead();
        silent.leads().changeStatus(manager(), lead.id(), CONTACTED);

        assertEquals(CONTACTED, fx.reload(lead.id()).status(), "the changes committed");
        assertEquals(pending, fx.relay.backlog().pending(), "nothing was written to the event registry");
        assertEquals(List.of(new ProjectChanged(project.id(), "created")), fx.publishedEvents());
        lm().leads().changeStatus(manager(), lead.id(), OFFER);
        EventRelay silentRelay = silent.eventRelay(EventRelay.Options.defaults().withNodeId("tck-silent"));
        assertEquals(0, silentRelay.relayDue(), "a relay without a publisher publishes nothing");
        assertEquals(pending + 1, fx.relay.backlog().pending(), "and leaves the events to the others");
        fx.relayEvents();
        assertEquals(List.of(new LeadStatusChanged(lead.id(), project.id(), CONTACTED, OFFER)),
                fx.events.events(fx.tenant, LeadStatusChanged.class), "a lead manager with a publisher records");
    }

    @Test
    void eventsStuckBehindAFailureGoOutWithALaterRelayInOrder() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        fx.relayEvents();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        fx.events.failing(true);
        fx.relayEvents();
        fx.events.failing(false);

        lm().leads().changeStatus(manager(), lead.id(), OFFER);
        fx.relayEvents();
        assertEquals(List.of(), fx.events.events(fx.tenant, LeadStatusChanged.class),
                "the later change waits behind the failed one");
        fx.clock.advance(EventRelay.Options.defaults().backoff());
        fx.relayEvents();

        List<DomainEvent> changes = fx.events.events(fx.tenant).stream()
                .filter(e -> e instanceof LeadStatusChanged).toList();
        assertEquals(List.of(new LeadStatusChanged(lead.id(), project.id(), NEW, CONTACTED),
                new LeadStatusChanged(lead.id(), project.id(), CONTACTED, OFFER)), changes);
    }

    @Test
    void everyEventHasItsOwnId() {
        Project project = fx.project("Solar roofs");
        fx.withChunkSize(3).qualification().qualifyAll(manager(), project.id(), fx.contacts(10, "V"));
        fx.relayEvents();
        Set<UUID> ids = new HashSet<>();
        for (EventEnvelope envelope : fx.events.envelopes(fx.tenant)) {
            assertTrue(ids.add(envelope.id()), "duplicate event id " + envelope.id());
        }
        assertEquals(11, ids.size());
    }
}
