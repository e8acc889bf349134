package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leadmanager.ErasureResult;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.Rejection;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.DomainEvent.LeadErased;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import java.util.Locale;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.LeadStore;

/**
 * Erasure is complete: after {@code privacy().erase} none of the contact's values is found anywhere in the store
 * (every text of every table or object, scanned through {@link #storedText}), while everything else stays as it
 * was, the kept counts agree with a recount, and qualifying the contact again starts from nothing.
 */
public abstract class PrivacyContract extends ContractBase {

    /**
     * Every text the store under test holds, scanned after each erasure. {@code store} is the one {@link #store()}
     * returned for the running test.
     */
    protected abstract StoredText storedText(LeadStore store);

    /** A marker no other test and no other contact uses: letters and digits only, so every store keeps it as is. */
    private static String marker(String what) {
        return "zq" + what + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The erased contact's values, seeded everywhere the library keeps something of a contact. */
    private final class Seeded {
        final String name = marker("name");
        final String email = marker("mail");
        final String phone = marker("phone");
        final String city = marker("city");
        final String link = marker("link");
        final String noteToken = marker("note");
        final String editedNoteToken = marker("edited");
        final String followUpText = marker("followup");
        final String doneFollowUpText = marker("done");
        final String lostReason = marker("lost");
        /** Shared with a colleague, whose lead keeps it. */
        final String company = marker("company");

        final Project first = fx.projectWithTeam("Privacy A " + UUID.randomUUID(), fx.alice, fx.bob);
        final Project second = fx.projectWithTeam("Privacy B " + UUID.randomUUID(), fx.alice);
        final ContactId contact = fx.contact(new ContactCard(name + " Person", email + "@example.org", "+49 " + phone,
                company, city, "https://crm.example/contacts/" + link));
        final ContactId colleague = fx.contact(new ContactCard("Colleague " + UUID.randomUUID(),
                "colleague@example.org", null, company, "Berlin", null));
        final List<Lead> bystanders = new ArrayList<>();
        Lead firstLead;
        Lead secondLead;
        Lead colleagueLead;
        /** Saved searches naming the person (by their whole name, by their e-mail), and two that do not. */
        SavedSearch byName;
        SavedSearch byMail;
        SavedSearch byPartOfTheName;
        SavedSearch byCompany;

        List<String> markers() {
            return List.of(name, email, phone, city, link, noteToken, editedNoteToken, followUpText, doneFollowUpText,
                    lostReason);
        }

        /** Qualifies the contact for both projects (by hand and through a marketing action) and works its leads. */
        Seeded seed() {
            for (int i = 0; i < 3; i++) {
                bystanders.add(fx.lead(first.id()));
                bystanders.add(fx.lead(second.id()));
            }
            colleagueLead = fx.lead(first.id(), colleague);
            lm().leads().addNote(manager(), colleagueLead.id(), "met at the fair");

            firstLead = fx.lead(first.id(), contact);
            MarketingAction action = lm().qualification().createAction(manager(), "Newsletter " + UUID.randomUUID(),
                    Set.of(second.id()));
            secondLead = lm().qualification().actionResponse(fx.system(), action.id(), contact).get(0).lead();

            lm().leads().changeStatus(manager(), firstLead.id(), TckFixture.CONTACTED);
            var note = lm().leads().addNote(manager(), firstLead.id(), "called, token " + noteToken);
            lm().leads().editNote(manager(), note.id(), "called back, token " + editedNoteToken);
            lm().leads().addNote(manager(), firstLead.id(), "second note " + noteToken);
            lm().followUps().schedule(manager(), firstLead.id(), fx.clock.instant().plus(Duration.ofHours(1)),
                    "call " + followUpText, fx.alice);
            var done = lm().followUps().schedule(manager(), secondLead.id(),
                    fx.clock.instant().plus(Duration.ofDays(2)), "mail " + doneFollowUpText);
            lm().followUps().complete(manager(), done.id());
            lm().leads().disqualify(manager(), secondLead.id(), "said " + lostReason);

            // some events published and kept, the later ones still pending
            LeadManager keeping = fx.lm;
            EventRelay keptRelay = keeping.eventRelay(EventRelay.Options.defaults()
                    .withNodeId("privacy-kept-" + UUID.randomUUID().toString().substring(0, 8))
                    .withRetention(Duration.ofDays(30)));
            keptRelay.relayDue();
            fx.clock.advance(Duration.ofHours(2));
            ReminderDispatcher reminders = lm().reminderDispatcher(
                    ReminderDispatcher.Options.defaults(new RecordingNotifier()).withNodeId("privacy-reminders"));
            reminders.dispatchDue();
            assertEquals(List.of(ReminderState.FIRED), lm().followUps().forLead(manager(), firstLead.id()).stream()
                    .map(f -> f.reminder()).toList(), "the contact's follow-up reminder fired");
            lm().leads().assign(manager(), firstLead.id(), fx.bob);
            byName = lm().search().save(fx.agent(fx.alice), "Call " + UUID.randomUUID(), first.id(),
                    LeadCriteria.all().withText("person " + name), LeadSort.byLastActivity());
            byMail = lm().search().save(manager(), "Mail " + UUID.randomUUID(), second.id(),
                    LeadCriteria.all().withField(ContactField.EMAIL, email.toUpperCase(Locale.ROOT) + "@example.org"),
                    LeadSort.byLastActivity());
            byPartOfTheName = lm().search().save(manager(), "Persons " + UUID.randomUUID(), first.id(),
                    LeadCriteria.all().withText("Person"), LeadSort.byLastActivity());
            byCompany = lm().search().save(manager(), "Company " + UUID.randomUUID(), first.id(),
                    LeadCriteria.all().withText(company), LeadSort.byLastActivity());
            firstLead = fx.reload(firstLead.id());
            secondLead = fx.reload(secondLead.id());
            colleagueLead = fx.reload(colleagueLead.id());
            return this;
        }
    }

    private Map<StatusKey, Long> counts(ProjectId project) {
        return lm().search().countByStatus(manager(), project, LeadCriteria.all())
                .byStatus();
    }

    private static Map<StatusKey, Long> minusOne(Map<StatusKey, Long> counts, StatusKey status) {
        Map<StatusKey, Long> expected = new LinkedHashMap<>(counts);
        expected.put(status, expected.get(status) - 1);
        return expected;
    }

    private void assertNothingFound(List<String> markers, String when) {
        List<String> hits = storedText(fx.store).find(markers);
        assertEquals(List.of(), hits, "values of the erased contact are still stored " + when);
    }

    @Test
    void anErasedContactLeavesNoValueAnywhereAndNothingElseChanges() {
        Seeded seeded = new Seeded().seed();
        StoredText stored = storedText(fx.store);
        List<String> before = stored.find(seeded.markers());
        for (String marker : seeded.markers()) {
            assertTrue(before.stream().anyMatch(hit -> hit.endsWith(": " + marker)),
                    "the scan must see the seeded value " + marker + " before the erasure; it saw " + before);
        }
        Map<StatusKey, Long> firstCounts = counts(seeded.first.id());
        Map<StatusKey, Long> secondCounts = counts(seeded.second.id());
        var colleagueNotes = lm().leads().notes(manager(), seeded.colleagueLead.id());
        var colleagueTimeline = lm().leads().timeline(manager(), seeded.colleagueLead.id());
        fx.relayEvents();
        int publishedBefore = fx.events.events(fx.tenant).size();

        ErasureResult result = lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);

        assertEquals(seeded.contact, result.contact());
        assertEquals(Set.of(seeded.firstLead.id(), seeded.secondLead.id()), Set.copyOf(result.leads()));
        assertNothingFound(seeded.markers(), "after the erasure");
        assertThrows(NotFoundException.class, () -> lm().leads().get(manager(), seeded.firstLead.id()));
        assertThrows(NotFoundException.class, () -> lm().leads().get(manager(), seeded.secondLead.id()));

        // the colleague with the same company, and every other lead, keep everything
        assertEquals(TenantSnapshot.describe(seeded.colleagueLead),
                TenantSnapshot.describe(fx.reload(seeded.colleagueLead.id())));
        assertEquals(seeded.company, fx.reload(seeded.colleagueLead.id()).card().company());
        assertEquals(colleagueNotes, lm().leads().notes(manager(), seeded.colleagueLead.id()));
        assertEquals(colleagueTimeline, lm().leads().timeline(manager(), seeded.colleagueLead.id()));
        for (Lead bystander : seeded.bystanders) {
            assertEquals(TenantSnapshot.describe(bystander), TenantSnapshot.describe(fx.reload(bystander.id())));
        }
        assertTrue(storedText(fx.store).find(List.of(seeded.company)).size() > 0,
                "the colleague's company is still stored");

        // the saved searches naming the person went with them; the others stay
        assertThrows(NotFoundException.class, () -> lm().search().run(fx.agent(fx.alice), seeded.byName.id(), 10));
        assertThrows(NotFoundException.class, () -> lm().search().run(manager(), seeded.byMail.id(), 10));
        assertEquals(Set.of(seeded.byPartOfTheName.id(), seeded.byCompany.id()), lm().search().savedSearches(manager())
                .stream().map(SavedSearch::id).filter(id -> id.equals(seeded.byPartOfTheName.id())
                        || id.equals(seeded.byCompany.id()) || id.equals(seeded.byMail.id()))
                .collect(java.util.stream.Collectors.toSet()));

        // counts: only the erased leads are gone from them, and the kept counts agree with a recount
        assertEquals(minusOne(firstCounts, seeded.firstLead.status()), counts(seeded.first.id()));
        assertEquals(minusOne(secondCounts, seeded.secondLead.status()), counts(seeded.second.id()));
        CountAgreement.assertAgree(fx, seeded.first.id(), "after an erasure");
        CountAgreement.assertAgree(fx, seeded.second.id(), "after an erasure");

        // the receipts, and nothing else of the erased leads, go out
        fx.relayEvents();
        List<DomainEvent> after = fx.events.events(fx.tenant);
        List<DomainEvent> since = after.subList(publishedBefore, after.size());
        Set<LeadId> erased = Set.copyOf(result.leads());
        assertEquals(Set.of(new LeadErased(seeded.firstLead.id(), seeded.first.id(), seeded.contact,
                        ErasureReason.REQUEST),
                new LeadErased(seeded.secondLead.id(), seeded.second.id(), seeded.contact, ErasureReason.REQUEST)),
                Set.copyOf(since.stream().filter(e -> erased.contains(e.lead())).toList()));
        assertTrue(since.stream().filter(e -> erased.contains(e.lead())).allMatch(e -> e instanceof LeadErased),
                "no event of an erased lead is published after its receipt: " + since);
        assertNothingFound(seeded.markers(), "after its receipts were published");
    }

    @Test
    void erasingAgainFindsNothingAndQualifyingAgainStartsFromNothing() {
        Seeded seeded = new Seeded().seed();
        lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);
        fx.relayEvents();
        int published = fx.events.events(fx.tenant).size();

        ErasureResult again = lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);
        assertEquals(List.of(), again.leads());
        assertEquals(published, fx.publishedEvents().size(), "erasing nothing publishes nothing");

        Lead fresh = lm().qualification().qualify(manager(), seeded.first.id(), seeded.contact).lead();
        assertNotEquals(seeded.firstLead.id(), fresh.id());
        assertEquals(fx.reload(seeded.first.id()).defaultStatus(), fresh.status());
        assertEquals(List.of(), lm().leads().notes(manager(), fresh.id()));
        assertEquals(List.of(), lm().followUps().forLead(manager(), fresh.id()));
        assertEquals(1, lm().leads().timeline(manager(), fresh.id()).size(), "only its qualification");
        assertEquals(List.of(), lm().leads().statusHistory(manager(), fresh.id()), "no status change yet");
        CountAgreement.assertAgree(fx, seeded.first.id(), "after qualifying an erased contact again");
    }

    @Test
    void onlyAManagerOrTheSystemMayErase() {
        Seeded seeded = new Seeded().seed();
        rejects(AccessDeniedException.class,
                () -> lm().privacy().erase(fx.agent(fx.alice), seeded.contact, ErasureReason.REQUEST));
        rejects(AccessDeniedException.class, () -> lm().privacy().contactDeleted(fx.agent(fx.bob), seeded.contact));
        rejects(AccessDeniedException.class,
                () -> lm().privacy().eraseAll(fx.agent(fx.bob), List.of(seeded.contact), ErasureReason.REQUEST));

        ErasureResult result = lm().privacy().contactDeleted(fx.system(), seeded.contact);
        assertEquals(2, result.leads().size());
        assertEquals(Set.of(ErasureReason.CONTACT_DELETED), fx.publishedEvents().stream()
                .filter(e -> e instanceof LeadErased).map(e -> ((LeadErased) e).reason())
                .collect(Collectors.toSet()));
        assertNothingFound(seeded.markers(), "after contactDeleted");
    }

    @Test
    void anotherTenantsContactOfTheSameIdIsLeftAlone() {
        Seeded seeded = new Seeded().seed();
        TckFixture other = fx.otherTenant();
        Project foreign = other.project("Foreign " + UUID.randomUUID());
        other.contacts.put(other.tenant, seeded.contact, ContactCard.named("Same id elsewhere"));
        Lead foreignLead = other.lead(foreign.id(), seeded.contact);

        lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);

        assertEquals(TenantSnapshot.describe(foreignLead), TenantSnapshot.describe(other.reload(foreignLead.id())));
    }

    @Test
    void bulkErasureErasesEachContactAndReportsEveryItem() {
        Project project = fx.project("Bulk privacy " + UUID.randomUUID());
        List<ContactId> contacts = fx.contacts(5, "Bulk erased");
        contacts.forEach(c -> fx.lead(project.id(), c));
        Lead kept = fx.lead(project.id(), "Kept contact");
        ContactId unknown = ContactId.of("never-a-lead-" + UUID.randomUUID());
        List<ContactId> input = new ArrayList<>(contacts.subList(0, 2));
        input.add(null);
        input.add(unknown);
        input.addAll(contacts.subList(2, 5));
        List<List<ErasureResult.Outcome>> chunks = new CopyOnWriteArrayList<>();
        List<Long> progress = new CopyOnWriteArrayList<>();

        ErasureResult.Bulk bulk = fx.withChunkSize(3).privacy().eraseAll(manager(), input, ErasureReason.REQUEST,
                (outcomes, processed) -> {
                    chunks.add(outcomes);
                    progress.add(processed);
                });

        assertEquals(7, bulk.processed());
        assertEquals(6, bulk.contacts());
        assertEquals(5, bulk.leads());
        assertEquals(1, bulk.rejected().size());
        assertInstanceOf(Rejection.Invalid.class, bulk.rejected().get(0).reason());
        assertEquals(List.of(3L, 6L, 7L), progress);
        List<ErasureResult.Outcome> all = chunks.stream().flatMap(List::stream).toList();
        assertEquals(input, all.stream().map(ErasureResult.Outcome::contact).toList());
        assertEquals(List.of(), ((ErasureResult.Erased) all.get(3)).result().leads(), "nothing held of it");
        assertEquals(List.of(kept.id()), TenantSnapshot.allLeads(lm(), manager(), fx.reload(project.id())).stream()
                .map(Lead::id).toList());
        CountAgreement.assertAgree(fx, project.id(), "after a bulk erasure");
    }

    @Test
    void anErasureRacingNotesAndStatusChangesOnAnotherNodeLeavesNothingBehind() throws Exception {
        Seeded seeded = new Seeded().seed();
        LeadManager otherNode = fx.newLeadManager(b -> { });
        List<String> written = new CopyOnWriteArrayList<>(seeded.markers());
        AtomicBoolean erased = new AtomicBoolean();
        AtomicInteger landed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> notes = pool.submit(() -> {
                started.countDown();
                for (int i = 0; i < 200 && !erased.get(); i++) {
                    String token = marker("race");
                    written.add(token);
                    try {
                        otherNode.leads().addNote(fx.manager, seeded.firstLead.id(), "racing " + token);
                        landed.incrementAndGet();
                    } catch (NotFoundException | StaleModificationException gone) {
                        return;
                    }
                }
            });
            Future<?> statuses = pool.submit(() -> {
                started.countDown();
                StatusKey[] cycle = {TckFixture.NEW, TckFixture.CONTACTED, TckFixture.OFFER};
                for (int i = 0; i < 200 && !erased.get(); i++) {
                    String token = marker("reason");
                    written.add(token);
                    try {
                        if (i % 4 == 3) {
                            otherNode.leads().disqualify(fx.manager, seeded.firstLead.id(), "racing " + token);
                        } else {
                            otherNode.leads().changeStatus(fx.manager, seeded.firstLead.id(), cycle[i % 3]);
                        }
                    } catch (NotFoundException | StaleModificationException gone) {
                        // gone, or lost a race with the erasure's unit of work or with the notes: go on
                    } catch (LeadManagerException refused) {
                        // a status the lead is on already or cannot move to: go on
                    }
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (landed.get() < 3 && !notes.isDone() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertTrue(landed.get() >= 3, "the other node wrote notes before the erasure");
            lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);
            erased.set(true);
            notes.get(60, TimeUnit.SECONDS);
            statuses.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThrows(NotFoundException.class, () -> fx.reload(seeded.firstLead.id()));
        assertNothingFound(written, "after an erasure raced by notes and status changes");
        CountAgreement.assertAgree(fx, seeded.first.id(), "after an erasure raced by other changes");
    }

    @Test
    void anErasureRacingAQualificationOfTheSameContactLeavesNoLeadItDidNotSee() throws Exception {
        Seeded seeded = new Seeded().seed();
        Project third = fx.project("Privacy C " + UUID.randomUUID());
        LeadManager otherNode = fx.newLeadManager(b -> { });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ErasureResult result;
        Lead qualified;
        try {
            Future<Lead> qualification = pool.submit(
                    () -> otherNode.qualification().qualify(fx.manager, third.id(), seeded.contact).lead());
            result = lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);
            qualified = qualification.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        Set<LeadId> remaining = new HashSet<>();
        for (Project project : List.of(seeded.first, seeded.second, third)) {
            TenantSnapshot.allLeads(lm(), manager(), fx.reload(project.id())).stream()
                    .filter(l -> l.contact().equals(seeded.contact)).forEach(l -> remaining.add(l.id()));
        }
        // the qualification either came first (and was erased) or came after (a new lead the erasure never saw)
        assertTrue(remaining.isEmpty() || remaining.equals(Set.of(qualified.id())), "left: " + remaining);
        assertEquals(remaining.isEmpty(), result.leads().contains(qualified.id()),
                "a lead of the contact is either erased or was qualified after the erasure");
        assertFalse(remaining.contains(seeded.firstLead.id()) || remaining.contains(seeded.secondLead.id()));
        List<String> workedOnly = Arrays.asList(seeded.noteToken, seeded.editedNoteToken, seeded.followUpText,
                seeded.doneFollowUpText, seeded.lostReason);
        assertNothingFound(workedOnly, "after an erasure raced by a qualification");
        for (Project project : List.of(seeded.first, seeded.second, third)) {
            CountAgreement.assertAgree(fx, project.id(), "after an erasure raced by a qualification");
        }
        lm().privacy().erase(manager(), seeded.contact, ErasureReason.REQUEST);
        assertNothingFound(seeded.markers(), "after erasing the contact again");
    }
}
