package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.leadmanager.tck.TckFixture.NEW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.Qualification;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.AssignmentPreview;
import org.leadmanager.BulkResult;
import org.leadmanager.error.ConflictException;
import org.leadmanager.ItemOutcome;
import org.leadmanager.Rejection;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.QualifyResult;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;

/** Capability 2: turning contacts into leads by hand, in bulk, through groups and through marketing actions. */
public abstract class QualificationContract extends ContractBase {

    /** A listener that keeps every chunk. */
    static final class Chunks implements org.leadmanager.BulkListener {
        final List<List<ItemOutcome>> chunks = new ArrayList<>();
        final List<Long> processed = new ArrayList<>();

        @Override
        public void onChunk(List<ItemOutcome> outcomes, long processedSoFar) {
            chunks.add(List.copyOf(outcomes));
            processed.add(processedSoFar);
        }

        List<ItemOutcome> all() {
            return chunks.stream().flatMap(List::stream).toList();
        }
    }

    private List<Lead> leadsOf(Project project) {
        return TenantSnapshot.allLeads(lm(), manager(), project);
    }

    private static void assertOneLeadPerContact(List<Lead> leads) {
        Set<ContactId> seen = new HashSet<>();
        for (Lead lead : leads) {
            assertTrue(seen.add(lead.contact()), "two leads for contact " + lead.contact() + ": " + leads);
        }
    }

    @Test
    void qualifyingMakesTheContactALeadOnTheDefaultStatus() {
        Project project = fx.project("Solar roofs");
        ContactCard card = new ContactCard("Erika Mustermann", "erika@example.org", "+49 30 1234", "Muster GmbH",
                "Berlin", "https://crm.example/contacts/erika");
        ContactId contact = fx.contact(card);

        QualifyResult result = lm().qualification().qualify(manager(), project.id(), contact);

        assertTrue(result.created());
        Lead lead = fx.reload(result.lead().id());
        assertEquals(project.id(), lead.project());
        assertEquals(contact, lead.contact());
        assertEquals(card, lead.card());
        assertEquals(NEW, lead.status());
        assertNull(lead.assignee());
        assertEquals(Origin.manual(fx.mia), lead.origin());
        assertEquals(OwnerReasonKind.UNASSIGNED, lead.ownerReason().kind());
        assertEquals(fx.clock.instant(), lead.createdAt());
        assertEquals(fx.clock.instant(), lead.lastActivityAt());
        assertNull(lead.nextFollowUpAt());
        assertNull(lead.lostReason());
        assertEquals(fx.tenant, lead.tenant());
    }

    @Test
    void qualifyingAgainReturnsTheExistingLead() {
        Project project = fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika Mustermann");
        Lead first = lm().qualification().qualify(manager(), project.id(), contact).lead();
        int events = fx.publishedEvents().size();

        QualifyResult again = lm().qualification().qualify(manager(), project.id(), contact);

        assertFalse(again.created());
        assertEquals(first.id(), again.lead().id());
        assertEquals(1, leadsOf(project).size());
        assertEquals(events, fx.publishedEvents().size(), "re-qualifying publishes nothing");
    }

    /**
     * Lower-casing can lengthen a text: U+0130 'İ' becomes "i̇" (i and a combining dot above). Contacts whose name,
     * e-mail address and company grow so, up to twice the length limit, are qualified one by one and in bulk and
     * refreshed like any other, and found by text, by field and in name order exactly as the reference semantics
     * say; a project named so keeps its name unique ignoring case.
     */
    @Test
    void textsThatGrowWhenLowerCasedAreQualifiedRefreshedAndFound() {
        String dotted = "\u0130";
        String longest = dotted.repeat(Text.MAX_NAME);
        Project project = fx.project(longest);
        ContactId named = fx.contact(ContactCard.named(dotted.repeat(150)));
        ContactId atTheLimit = fx.contact(new ContactCard(longest, longest, null, longest, null, null));
        ContactId plain = fx.contact("Ivan Ilić");

        Lead one = lm().qualification().qualify(manager(), project.id(), named).lead();
        BulkResult bulk = lm().qualification().qualifyAll(manager(), project.id(), List.of(atTheLimit, plain));
        ContactCard refreshed = new ContactCard("i\u0307" + dotted.repeat(Text.MAX_NAME - 2), null, null, longest, null,
                null);
        fx.contacts.put(fx.tenant, named, refreshed);
        Lead after = lm().leads().refreshCard(manager(), one.id());

        assertEquals(2, bulk.added(), bulk.toString());
        assertEquals(refreshed, after.card());
        assertEquals(refreshed, fx.reload(one.id()).card());
        List<Lead> leads = leadsOf(project);
        Set<LeadId> grown = Set.of(one.id(), lm().qualification().qualify(manager(), project.id(), atTheLimit).lead()
                .id());
        assertEquals(grown, Set.copyOf(ids(search(project, LeadCriteria.all().withText(dotted.repeat(3))))),
                "İ folds to i: the dotted names are found by what they are written with");
        assertEquals(Set.copyOf(ids(leads)), Set.copyOf(ids(search(project, LeadCriteria.all().withText("i\u0307")))),
                "marks are dropped, so i with a dot above is i, the beginning of every name here");
        LeadSort byName = LeadSort.ascending(SortField.NAME);
        for (LeadCriteria criteria : List.of(LeadCriteria.all(), LeadCriteria.all().withText("i\u0307"),
                LeadCriteria.all().withText(longest), LeadCriteria.all().withText("i"),
                LeadCriteria.all().withText("\u0307"), LeadCriteria.all().withText("\u0131"),
                LeadCriteria.all().withField(ContactField.COMPANY, "i".repeat(Text.MAX_NAME)),
                LeadCriteria.all().withField(ContactField.NAME, dotted.repeat(150).toLowerCase(Locale.ROOT)))) {
            List<Lead> expected = leads.stream().filter(criteria::matches)
                    .sorted(new LeadOrdering(byName, project.statusOrder())).toList();
            assertEquals(ids(expected), ids(search(project, criteria)), "as the reference: " + criteria);
        }
        rejects(ConflictException.class, () -> fx.project("i".repeat(Text.MAX_NAME)));
    }

    /** Up to 500 leads of the project matching the criteria, in name order. */
    private List<Lead> search(Project project, LeadCriteria criteria) {
        return lm().search().find(manager(), new LeadQuery(project.id(), criteria,
                LeadSort.ascending(SortField.NAME), 500, null)).leads();
    }

    private static List<LeadId> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    @Test
    void aContactCanBeALeadOfSeveralProjects() {
        Project solar = fx.project("Solar roofs");
        Project heat = fx.project("Heat pumps");
        ContactId contact = fx.contact("Erika Mustermann");

        Lead a = lm().qualification().qualify(manager(), solar.id(), contact).lead();
        Lead b = lm().qualification().qualify(manager(), heat.id(), contact).lead();

        assertFalse(a.id().equals(b.id()));
        assertEquals(1, leadsOf(solar).size());
        assertEquals(1, leadsOf(heat).size());
    }

    @Test
    void qualifyingAnUnknownContactIsNotFound() {
        Project project = fx.project("Solar roofs");
        rejects(NotFoundException.class,
                () -> lm().qualification().qualify(manager(), project.id(), ContactId.of("nobody")));
    }

    @Test
    void contactOfAnotherTenantIsUnknown() {
        Project project = fx.project("Solar roofs");
        ContactId theirs = fx.otherTenant().contact("Foreign Contact");
        rejects(NotFoundException.class, () -> lm().qualification().qualify(manager(), project.id(), theirs));
    }

    @Test
    void bulkQualificationReportsAnOutcomePerItemChunkByChunk() {
        Project project = fx.project("Solar roofs");
        List<ContactId> fresh = fx.contacts(4, "Visitor");
        ContactId existing = fx.contact("Known Customer");
        Lead existingLead = fx.lead(project.id(), existing);
        ContactId unknown = ContactId.of("not-in-crm");
        List<ContactId> input = Arrays.asList(fresh.get(0), fresh.get(1), existing, unknown, null, fresh.get(2),
                fresh.get(3));
        Chunks listener = new Chunks();

        BulkResult result = fx.withChunkSize(2).qualification().qualifyAll(manager(), project.id(), input, listener);

        assertEquals(7, result.processed());
        assertEquals(4, result.added());
        assertEquals(1, result.alreadyLeads());
        assertEquals(2, result.rejected().size());
        assertEquals(List.of(2L, 4L, 6L, 7L), listener.processed);
        assertEquals(List.of(2, 2, 2, 1), listener.chunks.stream().map(List::size).toList());
        List<ItemOutcome> outcomes = listener.all();
        assertEquals(input, outcomes.stream().map(ItemOutcome::contact).toList(), "outcomes in input order");
        assertEquals(List.of(ItemOutcome.Added.class, ItemOutcome.Added.class, ItemOutcome.AlreadyLead.class,
                ItemOutcome.Rejected.class, ItemOutcome.Rejected.class, ItemOutcome.Added.class,
                ItemOutcome.Added.class), outcomes.stream().map(Object::getClass).toList());
        for (ItemOutcome o : outcomes) {
            if (o instanceof ItemOutcome.Rejected rejected) {
                assertFalse(rejected.reason().message().isBlank(), "a rejection says why");
                assertEquals(rejected.contact() == null ? Rejection.Invalid.class : Rejection.NotFound.class,
                        rejected.reason().getClass(), "a null id is invalid, an unknown contact not found");
            } else if (o instanceof ItemOutcome.Added added) {
                Lead lead = fx.reload(added.lead());
                assertEquals(o.contact(), lead.contact());
                assertEquals(Origin.manual(fx.mia), lead.origin());
            }
        }
        assertEquals(List.of(unknown), result.rejected().stream().map(ItemOutcome::contact).filter(c -> c != null)
                .toList());
        List<Lead> leads = leadsOf(project);
        assertEquals(5, leads.size());
        assertOneLeadPerContact(leads);
        assertTrue(leads.stream().anyMatch(l -> l.id().equals(existingLead.id())));
    }

    @Test
    void eachChunkIsCommittedBeforeItsListenerCall() {
        Project project = fx.project("Solar roofs");
        List<ContactId> contacts = fx.contacts(5, "Visitor");
        LeadManager chunked = fx.withChunkSize(2);
        List<String> problems = new ArrayList<>();

        chunked.qualification().qualifyAll(manager(), project.id(), contacts, (outcomes, processed) -> {
            for (ItemOutcome o : outcomes) {
                if (o instanceof ItemOutcome.Added added) {
                    try {
                        fx.lm.leads().get(manager(), added.lead());
                    } catch (NotFoundException e) {
                        problems.add("lead of " + o.contact() + " not visible in chunk ending at " + processed);
                    }
                }
            }
        });

        assertEquals(List.of(), problems);
    }

    @Test
    void bulkQualificationConsumesItsInputOnceAndChunkByChunk() {
        Project project = fx.project("Solar roofs");
        List<ContactId> contacts = fx.contacts(25, "Visitor");
        AtomicInteger pulled = new AtomicInteger();
        AtomicBoolean iterated = new AtomicBoolean();
        Iterable<ContactId> once = () -> {
            if (!iterated.compareAndSet(false, true)) {
                fail("the input was iterated twice");
            }
            Iterator<ContactId> it = contacts.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ContactId next() {
                    if (!it.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    pulled.incrementAndGet();
                    return it.next();
                }
            };
        };
        List<String> tooFarAhead = new ArrayList<>();

        BulkResult result = fx.withChunkSize(4).qualification().qualifyAll(manager(), project.id(), once,
                (outcomes, processed) -> {
                    if (pulled.get() > processed + 4) {
                        tooFarAhead.add("pulled " + pulled.get() + " with " + processed + " processed");
                    }
                });

        assertEquals(25, result.added());
        assertEquals(List.of(), tooFarAhead, "input must be read chunk by chunk, not all at once");
    }

    @Test
    void duplicatesInTheInputNeverMakeTwoLeads() {
        Project project = fx.project("Solar roofs");
        ContactId a = fx.contact("Anna");
        ContactId b = fx.contact("Bert");
        Chunks listener = new Chunks();

        BulkResult result = fx.withChunkSize(2).qualification().qualifyAll(manager(), project.id(),
                List.of(a, a, b, a, b), listener);

        assertEquals(5, result.processed());
        assertEquals(2, result.added());
        assertEquals(3, result.alreadyLeads());
        assertEquals(List.of(ItemOutcome.Added.class, ItemOutcome.AlreadyLead.class, ItemOutcome.Added.class,
                ItemOutcome.AlreadyLead.class, ItemOutcome.AlreadyLead.class),
                listener.all().stream().map(Object::getClass).toList(),
                "a contact listed twice counts as added once and then as already a lead");
        assertEquals(2, leadsOf(project).size());
        assertOneLeadPerContact(leadsOf(project));
    }

    @Test
    void bulkQualificationOfNothingDoesNothing() {
        Project project = fx.project("Solar roofs");
        Chunks listener = new Chunks();
        BulkResult result = lm().qualification().qualifyAll(manager(), project.id(), List.of(), listener);
        assertEquals(new BulkResult(0, 0, 0, List.of()), result);
        assertTrue(listener.chunks.isEmpty());
        assertTrue(leadsOf(project).isEmpty());
    }

    @Test
    void bulkQualificationWorksWithoutListener() {
        Project project = fx.project("Solar roofs");
        BulkResult result = lm().qualification().qualifyAll(manager(), project.id(), fx.contacts(3, "V"));
        assertEquals(3, result.added());
    }

    @Test
    void contactJoiningABoundGroupBecomesALeadOfEveryBoundOpenProject() {
        ContactGroupId newsletter = ContactGroupId.of("newsletter");
        Project solar = fx.project("Solar roofs");
        Project heat = fx.project("Heat pumps");
        Project archived = fx.project("Fair 2025");
        Project unbound = fx.project("Batteries");
        for (Project p : List.of(solar, heat, archived)) {
            lm().projects().bindGroups(manager(), p.id(), Set.of(newsletter, ContactGroupId.of("other")));
        }
        lm().projects().archive(manager(), archived.id());
        ContactId contact = fx.contact("Erika Mustermann");
        fx.contacts.addToGroup(fx.tenant, newsletter, contact);

        List<QualifyResult> results = lm().qualification().contactJoinedGroup(fx.system(), newsletter, contact);

        assertEquals(Set.of(solar.id(), heat.id()),
                results.stream().map(r -> r.lead().project()).collect(java.util.stream.Collectors.toSet()));
        for (QualifyResult r : results) {
            assertTrue(r.created());
            Lead lead = fx.reload(r.lead().id());
            assertEquals(OriginKind.GROUP, lead.origin().kind());
            assertEquals("newsletter", lead.origin().reference());
            assertEquals(fx.system().user(), lead.origin().by());
        }
        assertTrue(leadsOf(archived).isEmpty());
        assertTrue(leadsOf(unbound).isEmpty());

        List<QualifyResult> again = lm().qualification().contactJoinedGroup(fx.system(), newsletter, contact);
        assertEquals(2, again.size());
        assertTrue(again.stream().noneMatch(QualifyResult::created));
        assertEquals(1, leadsOf(solar).size());
    }

    @Test
    void contactJoiningAnUnboundGroupChangesNothing() {
        fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika Mustermann");
        TenantSnapshot before = fx.snapshot();
        assertEquals(List.of(),
                lm().qualification().contactJoinedGroup(fx.system(), ContactGroupId.of("unbound"), contact));
        assertEquals(before, fx.snapshot());
    }

    @Test
    void syncGroupsQualifiesTheCurrentMembersPageByPage() {
        ContactGroupId g1 = ContactGroupId.of("g1");
        ContactGroupId g2 = ContactGroupId.of("g2");
        Project project = fx.project("Solar roofs");
        lm().projects().bindGroups(manager(), project.id(), Set.of(g1, g2));
        List<ContactId> members1 = fx.contacts(7, "First");
        List<ContactId> members2 = new ArrayList<>(fx.contacts(4, "Second"));
        members2.add(members1.get(0));
        members2.add(members1.get(6));
        fx.contacts.addToGroup(fx.tenant, g1, members1);
        fx.contacts.addToGroup(fx.tenant, g2, members2);
        fx.lead(project.id(), members1.get(3));
        int chunk = 3;
        Chunks listener = new Chunks();

        BulkResult result = fx.withChunkSize(chunk).qualification().syncGroups(fx.system(), project.id(), listener);

        Set<ContactId> everyone = new HashSet<>(members1);
        everyone.addAll(members2);
        assertEquals(everyone.size() - 1, result.added());
        List<Lead> leads = leadsOf(project);
        assertEquals(everyone, leads.stream().map(Lead::contact).collect(java.util.stream.Collectors.toSet()));
        assertOneLeadPerContact(leads);
        for (Lead lead : leads) {
            if (!lead.contact().equals(members1.get(3))) {
                assertEquals(OriginKind.GROUP, lead.origin().kind());
                String group = lead.origin().reference();
                assertTrue(group.equals("g1") && members1.contains(lead.contact())
                        || group.equals("g2") && members2.contains(lead.contact()), "origin of " + lead);
            }
        }
        List<FakeContacts.PageRequest> pages = fx.contacts.pageRequests(fx.tenant);
        assertTrue(pages.size() >= 5, "7 and 6 members in pages of 3 take at least 5 calls: " + pages);
        Map<ContactGroupId, ContactId> lastOfPreviousPage = new HashMap<>();
        for (FakeContacts.PageRequest page : pages) {
            assertTrue(page.limit() <= chunk, "asked for more than a page: " + page);
            assertEquals(lastOfPreviousPage.get(page.group()), page.after(), "pages follow each other: " + page);
            List<ContactId> members = page.group().equals(g1) ? members1 : members2.stream().sorted().toList();
            List<ContactId> sorted = members.stream().sorted().toList();
            int from = page.after() == null ? 0 : sorted.indexOf(page.after()) + 1;
            if (page.returned() > 0) {
                lastOfPreviousPage.put(page.group(), sorted.get(from + page.returned() - 1));
            }
        }
        assertEquals(listener.processed.get(listener.processed.size() - 1), result.processed());
    }

    @Test
    void syncGroupsKeepsLeadsOfFormerMembersAndAddsNothingTwice() {
        ContactGroupId group = ContactGroupId.of("newsletter");
        Project project = fx.project("Solar roofs");
        lm().projects().bindGroups(manager(), project.id(), Set.of(group));
        List<ContactId> members = fx.contacts(4, "Member");
        fx.contacts.addToGroup(fx.tenant, group, members);
        lm().qualification().syncGroups(fx.system(), project.id());
        fx.contacts.removeFromGroup(fx.tenant, group, members.get(0));

        BulkResult again = lm().qualification().syncGroups(fx.system(), project.id());

        assertEquals(0, again.added());
        assertEquals(3, again.alreadyLeads());
        assertEquals(4, leadsOf(project).size());
    }

    @Test
    void syncingAnArchivedProjectConflicts() {
        Project project = fx.project("Solar roofs");
        lm().projects().bindGroups(manager(), project.id(), Set.of(ContactGroupId.of("g")));
        fx.contacts.addToGroup(fx.tenant, ContactGroupId.of("g"), fx.contacts(2, "M"));
        lm().projects().archive(manager(), project.id());
        rejects(ConflictException.class, () -> lm().qualification().syncGroups(fx.system(), project.id()));
    }

    @Test
    void actionResponseQualifiesForEachProjectOfTheActionWithTheActionAsSource() {
        Project solar = fx.project("Solar roofs");
        Project heat = fx.project("Heat pumps");
        Project fair = fx.project("Fair 2025");
        Project other = fx.project("Batteries");
        MarketingAction action = lm().qualification().createAction(manager(), "Spring mailing",
                Set.of(solar.id(), heat.id(), fair.id()));
        lm().projects().archive(manager(), fair.id());
        ContactId contact = fx.contact("Erika Mustermann");

        List<QualifyResult> results = lm().qualification().actionResponse(fx.system(), action.id(), contact);

        assertEquals(Set.of(solar.id(), heat.id()),
                results.stream().map(r -> r.lead().project()).collect(java.util.stream.Collectors.toSet()),
                "archived projects are skipped");
        for (QualifyResult r : results) {
            assertTrue(r.created());
            Lead lead = fx.reload(r.lead().id());
            assertEquals(OriginKind.ACTION, lead.origin().kind());
            assertEquals(action.id().toString(), lead.origin().reference());
            assertEquals(List.of(lead.id()), lm().search().find(manager(), org.leadmanager.LeadQuery.firstPage(
                    lead.project(), LeadCriteria.all().withSources(action.id()))).leads().stream().map(Lead::id)
                    .toList());
        }
        assertTrue(leadsOf(fair).isEmpty());
        assertTrue(leadsOf(other).isEmpty());

        List<QualifyResult> again = lm().qualification().actionResponse(fx.system(), action.id(), contact);
        assertTrue(again.stream().noneMatch(QualifyResult::created));
        assertEquals(1, leadsOf(solar).size());
    }

    @Test
    void actionsAreListedByName() {
        Project solar = fx.project("Solar roofs");
        MarketingAction spring = lm().qualification().createAction(manager(), "Spring mailing", Set.of(solar.id()));
        MarketingAction autumn = lm().qualification().createAction(manager(), "Autumn fair", Set.of(solar.id()));
        TckFixture other = fx.otherTenant();
        other.lm.qualification().createAction(other.manager, "Foreign", Set.of(other.project("X").id()));

        List<MarketingAction> actions = lm().qualification().actions(manager());

        assertEquals(List.of(autumn.id(), spring.id()), actions.stream().map(MarketingAction::id).toList());
        assertEquals(Set.of(solar.id()), actions.get(0).projects());
        assertEquals(fx.clock.instant(), actions.get(0).createdAt());
    }

    /**
     * An action has a kind and an optional period, kept as given; the leads of its responses are found by the
     * action as their source. Without them it is of kind OTHER and open.
     */
    @Test
    void anActionKeepsItsKindAndPeriodAndItsLeadsAreFoundAsItsSource() {
        Project solar = fx.project("Solar roofs");
        MarketingAction mailing = lm().qualification().createAction(manager(), Qualification.NewAction
                .of("Frühjahrsmailing", ActionKind.EMAIL_CAMPAIGN, Set.of(solar.id()))
                .during(java.time.LocalDate.parse("2026-03-01"), java.time.LocalDate.parse("2026-03-31")));
        MarketingAction fair = lm().qualification().createAction(manager(), Qualification.NewAction
                .of("Messe", ActionKind.EVENT, Set.of(solar.id())).during(java.time.LocalDate.parse("2026-05-04"),
                        null));
        MarketingAction plain = lm().qualification().createAction(manager(), "Import", Set.of(solar.id()));
        Lead fromMailing = lm().qualification().actionResponse(fx.system(), mailing.id(), fx.contact("Petra Berg"))
                .get(0).lead();
        lm().qualification().actionResponse(fx.system(), fair.id(), fx.contact("Jonas Kahn"));

        List<MarketingAction> actions = lm().qualification().actions(manager());

        MarketingAction stored = actions.stream().filter(a -> a.id().equals(mailing.id())).findFirst().orElseThrow();
        assertEquals(mailing, stored);
        assertEquals(ActionKind.EMAIL_CAMPAIGN, stored.kind());
        assertEquals(java.time.LocalDate.parse("2026-03-01"), stored.startsOn());
        assertEquals(java.time.LocalDate.parse("2026-03-31"), stored.endsOn());
        MarketingAction open = actions.stream().filter(a -> a.id().equals(fair.id())).findFirst().orElseThrow();
        assertEquals(java.time.LocalDate.parse("2026-05-04"), open.startsOn());
        assertNull(open.endsOn());
        MarketingAction other = actions.stream().filter(a -> a.id().equals(plain.id())).findFirst().orElseThrow();
        assertEquals(ActionKind.OTHER, other.kind());
        assertNull(other.startsOn());
        assertEquals(List.of(fromMailing.id()), lm().search().find(manager(), LeadQuery.firstPage(solar.id(),
                LeadCriteria.all().withSources(mailing.id()))).leads().stream().map(Lead::id).toList());
    }

    @Test
    void anActionMayNotEndBeforeItStarts() {
        Project solar = fx.project("Solar roofs");
        ValidationException error = rejectsInput("command.endsOn", () -> lm().qualification().createAction(manager(),
                Qualification.NewAction.of("Mailing", ActionKind.EMAIL_CAMPAIGN, Set.of(solar.id()))
                        .during(java.time.LocalDate.parse("2026-03-31"), java.time.LocalDate.parse("2026-03-01"))));
        assertTrue(error.getMessage().contains("2026-03-01") || error.getMessage().contains("2026-03-31"),
                error.getMessage());
        rejectsInput("command.kind", () -> lm().qualification().createAction(manager(),
                Qualification.NewAction.of("Mailing", null, Set.of(solar.id()))));
        assertEquals(List.of(), lm().qualification().actions(manager()));
    }

    @Test
    void actionForAnUnknownProjectIsNotFound() {
        Project solar = fx.project("Solar roofs");
        ProjectId unknown = new ProjectId(java.util.UUID.randomUUID());
        rejects(NotFoundException.class,
                () -> lm().qualification().createAction(manager(), "Mailing", Set.of(solar.id(), unknown)));
    }

    @Test
    void responseToAnUnknownActionIsNotFound() {
        fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika");
        rejects(NotFoundException.class, () -> lm().qualification().actionResponse(fx.system(),
                new MarketingActionId(java.util.UUID.randomUUID()), contact));
    }

    @Test
    void agentCannotCreateMarketingActions() {
        Project solar = fx.projectWithTeam("Solar roofs", fx.alice);
        rejects(AccessDeniedException.class, () -> lm().qualification().createAction(fx.agent(fx.alice), "Mailing",
                Set.of(solar.id())));
    }

    @Test
    void previewPredictsTheOwnersAndChangesNothing() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        Lead existing = fx.lead(project.id());
        List<ContactId> contacts = fx.contacts(3, "Visitor");
        List<ContactId> asked = new ArrayList<>(contacts);
        asked.add(existing.contact());
        TenantSnapshot before = fx.snapshot();

        List<AssignmentPreview> preview = lm().qualification().previewAssignment(manager(), project.id(), asked);
        List<AssignmentPreview> previewAgain = lm().qualification().previewAssignment(manager(), project.id(), asked);

        assertEquals(before, fx.snapshot(), "a dry run changes nothing");
        assertEquals(preview, previewAgain, "a dry run does not advance the round-robin position");
        assertEquals(asked, preview.stream().map(AssignmentPreview::contact).toList());
        assertEquals(List.of(fx.bob, fx.alice, fx.bob),
                preview.subList(0, 3).stream().map(AssignmentPreview::assignee).toList());
        assertTrue(preview.subList(0, 3).stream().noneMatch(AssignmentPreview::alreadyLead));
        assertTrue(preview.subList(0, 3).stream()
                .allMatch(p -> p.reason().kind() == OwnerReasonKind.ROUND_ROBIN));
        AssignmentPreview known = preview.get(3);
        assertTrue(known.alreadyLead());
        assertNull(known.assignee());

        lm().qualification().qualifyAll(manager(), project.id(), contacts);
        for (AssignmentPreview p : preview.subList(0, 3)) {
            Lead lead = lm().qualification().qualify(manager(), project.id(), p.contact()).lead();
            assertEquals(p.assignee(), lead.assignee(), "the real assignment follows the preview");
        }
    }

    @Test
    void previewOfAnUnknownContactIsNotFound() {
        Project project = fx.project("Solar roofs");
        rejects(NotFoundException.class, () -> lm().qualification().previewAssignment(manager(), project.id(),
                List.of(fx.contact("Known"), ContactId.of("unknown"))));
    }
}
