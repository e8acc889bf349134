package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.StatusCounts;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SortField;

/**
 * Capability 6: lead lists, advanced criteria, every sort with keyset paging, counts per status and saved searches.
 * Runs on a data set with ties in every sort key (same creation instant, same names in different case, same status)
 * and non-ASCII names; expected results come from {@link LeadCriteria#matches} and {@link LeadOrdering}, the
 * reference semantics every store must agree with.
 */
public abstract class SearchContract extends ContractBase {
    /** Statuses in an order that differs from creation order, to catch stores that sort by anything else. */
    private static final List<StatusKey> ORDER = List.of(OFFER, NEW, CONTACTED, WON, LOST);

    private Project project;
    private MarketingAction action;
    private final Map<String, LeadId> leads = new LinkedHashMap<>();
    private final Map<String, Instant> times = new LinkedHashMap<>();
    private final Map<String, FollowUp> followUps = new LinkedHashMap<>();

    private Lead add(String handle, ContactCard card) {
        fx.clock.advance(Duration.ofMinutes(1));
        times.put(handle, fx.clock.instant());
        Lead lead = lm().qualification().qualify(manager(), project.id(), fx.contact(card)).lead();
        leads.put(handle, lead.id());
        return lead;
    }

    private static ContactCard card(String name, String email, String company, String city) {
        return new ContactCard(name, email, null, company, city, null);
    }

    @BeforeEach
    void buildDataSet() {
        project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob, fx.carol);
        action = lm().qualification().createAction(manager(), "Spring mailing", Set.of(project.id()));
        Project otherProject = fx.project("Heat pumps");

        add("anna1", card("Anna Schmidt", "anna.schmidt@example.org", "Solarwerk GmbH", "Berlin"));
        add("anna2", card("Anna Schmidt", "a.schmidt@mail.example", null, "Hamburg"));
        add("anna3", card("anna schmidt", null, null, "berlin"));
        add("bernd", card("Bernd Müller", "bernd@schmidt-bau.example", "Müller Bau", "München"));
        add("clara", card("Clara Zetkin", "clara@example.org", "Schmidt & Söhne", "Leipzig"));
        add("dieter", card("Dieter Krause", null, "Krause KG", "BERLIN"));
        fx.clock.advance(Duration.ofMinutes(1));
        times.put("bulk", fx.clock.instant());
        List<ContactId> bulk = List.of(
                fx.contact(card("Eva Berger", "eva@example.org", null, "Berlin")),
                fx.contact(card("Frank Weber", null, "Weber OHG", "Köln")),
                fx.contact(card("Gisela Roth", "gisela@example.org", null, "Berlin")),
                fx.contact(card("Hans Albers", null, null, "Hamburg")));
        lm().qualification().qualifyAll(manager(), project.id(), bulk, (outcomes, n) -> { });
        List<String> bulkHandles = List.of("eva", "frank", "gisela", "hans");
        for (int i = 0; i < bulk.size(); i++) {
            leads.put(bulkHandles.get(i), lm().qualification().qualify(manager(), project.id(), bulk.get(i)).lead()
                    .id());
        }
        for (String handle : List.of("emile", "juergen", "ida")) {
            fx.clock.advance(Duration.ofMinutes(1));
            times.put(handle, fx.clock.instant());
            ContactCard card = switch (handle) {
                case "emile" -> card("Émile Zola", "emile@example.fr", null, "Paris");
                case "juergen" -> card("Jürgen Klopp", null, "LFC", "Liverpool");
                default -> card("Ida Pfeiffer", "ida@example.org", null, "Wien");
            };
            ContactId contact = fx.contact(card);
            leads.put(handle, lm().qualification().actionResponse(fx.system(), action.id(), contact).get(0).lead()
                    .id());
        }
        add("zoe", card("Zoë Lee", "zoe@example.org", null, null));
        lm().qualification().qualify(manager(), otherProject.id(), fx.contact(card("Anna Schmidt", null, null,
                "Berlin")));
        lm().qualification().qualify(manager(), otherProject.id(), lead("anna1").contact());

        fx.clock.advance(Duration.ofMinutes(10));
        status("anna2", CONTACTED);
        status("anna3", OFFER);
        lm().leads().convert(manager(), leads.get("clara"));
        lm().leads().disqualify(manager(), leads.get("dieter"), "moved away");
        status("frank", CONTACTED);
        status("hans", OFFER);
        status("juergen", CONTACTED);
        assign("anna1", fx.alice);
        assign("anna3", fx.bob);
        assign("bernd", fx.alice);
        assign("clara", fx.bob);
        assign("frank", fx.alice);
        assign("gisela", fx.carol);
        assign("juergen", fx.bob);
        assign("zoe", fx.alice);
        fx.clock.advance(Duration.ofMinutes(10));
        followUp("anna1", Duration.ofDays(1));
        followUp("anna2", Duration.ofDays(3));
        followUp("clara", Duration.ofHours(2));
        lm().followUps().complete(manager(), followUp("bernd", Duration.ofHours(1)).id());
        lm().followUps().cancel(manager(), followUp("eva", Duration.ofHours(1)).id());
        lm().projects().reorderStatuses(manager(), project.id(), ORDER);
        fx.clock.advance(Duration.ofHours(1));
        times.put("late", fx.clock.instant());
        lm().leads().addNote(manager(), leads.get("bernd"), "called back");
        fx.clock.advance(Duration.ofMinutes(1));
        lm().leads().addNote(manager(), leads.get("hans"), "called back");
        project = fx.reload(project.id());
    }

    private List<Lead> find(Actor actor, LeadCriteria criteria, LeadSort sort) {
        return lm().search().find(actor, new LeadQuery(project.id(), criteria, sort, 50, null)).leads();
    }

    @Test
    void aSearchRightAfterAProjectChangeSeesTheChange() {
        Actor alice = fx.agent(fx.alice);
        LeadSort byStatus = LeadSort.ascending(SortField.STATUS_ORDER);
        assertFalse(find(alice, LeadCriteria.all(), byStatus).isEmpty());
        assertEquals(OFFER, find(alice, LeadCriteria.all(), byStatus).get(0).status(), "searched twice");

        lm().projects().reorderStatuses(manager(), project.id(), List.of(CONTACTED, OFFER, NEW, WON, LOST));
        assertEquals(CONTACTED, find(alice, LeadCriteria.all(), byStatus).get(0).status(), "the new status order");

        lm().projects().setTeam(manager(), project.id(), List.of(fx.bob, fx.carol));
        assertThrows(AccessDeniedException.class, () -> find(alice, LeadCriteria.all(), byStatus));
    }

    @Test
    void anEmptyPageRightAfterAProjectChangeSeesTheChangeToo() {
        Actor bob = fx.agent(fx.bob);
        LeadCriteria nobody = LeadCriteria.all().withText("no lead is called this");
        assertEquals(List.of(), find(bob, nobody, LeadSort.byLastActivity()));
        assertEquals(List.of(), find(bob, nobody, LeadSort.byLastActivity()), "searched twice");

        lm().projects().setTeam(manager(), project.id(), List.of(fx.alice));
        assertThrows(AccessDeniedException.class, () -> find(bob, nobody, LeadSort.byLastActivity()));
        lm().projects().setTeam(manager(), project.id(), List.of(fx.alice, fx.bob));
        assertEquals(List.of(), find(bob, nobody, LeadSort.byLastActivity()), "allowed again at once");
    }

    /**
     * A page carries what a list row shows: each lead's status label and its owner's display name (none for an
     * unassigned lead or an owner the host no longer knows), asked of the user directory once per page, however
     * many owners the page has.
     */
    @Test
    void aPageCarriesStatusLabelsAndOwnerNamesAskedOfTheHostOncePerPage() {
        fx.users.remove(fx.tenant, fx.carol);
        int before = fx.users.lookups();
        LeadPage all = lm().search().find(manager(), new LeadQuery(project.id(), LeadCriteria.all(),
                LeadSort.byLastActivity(), 500, null));
        int forAll = fx.users.lookups() - before;
        before = fx.users.lookups();
        lm().search().find(manager(), new LeadQuery(project.id(), LeadCriteria.all().withAssignees(fx.alice),
                LeadSort.byLastActivity(), 1, null));
        int forOne = fx.users.lookups() - before;

        assertEquals(all.leads(), all.rows().stream().map(LeadPage.Row::lead).toList());
        for (LeadPage.Row row : all.rows()) {
            Lead lead = row.lead();
            assertEquals(project.findStatus(lead.status()).orElseThrow().label(), row.statusLabel(), lead.toString());
            String owner = lead.assignee() == null || lead.assignee().equals(fx.carol) ? null
                    : "User " + lead.assignee().value();
            assertEquals(owner, row.ownerName(), lead.toString());
        }
        assertTrue(all.rows().stream().anyMatch(row -> row.ownerName() != null), "some leads have owners");
        assertEquals(forOne, forAll, "a page of three owners asks the directory as often as a page of one");
        assertEquals(1, forAll, "one directory question for the page");
    }

    @Test
    void aRetiredStatusIsRejectedRightAfterItsRetirement() {
        LeadCriteria won = LeadCriteria.all().withStatuses(WON);
        assertEquals(Set.of("clara"), handles(find(manager(), won, LeadSort.byLastActivity())));

        lm().projects().retireStatus(manager(), project.id(), WON, LOST);

        assertThrows(ValidationException.class, () -> find(manager(), won, LeadSort.byLastActivity()));
    }

    private void status(String handle, StatusKey status) {
        lm().leads().changeStatus(manager(), leads.get(handle), status);
    }

    private void assign(String handle, UserId user) {
        lm().leads().assign(manager(), leads.get(handle), user);
    }

    private FollowUp followUp(String handle, Duration in) {
        FollowUp f = lm().followUps().schedule(manager(), leads.get(handle), fx.clock.instant().plus(in), "call");
        followUps.put(handle, f);
        return f;
    }

    private Lead lead(String handle) {
        return fx.reload(leads.get(handle));
    }

    private List<Lead> allLeads() {
        return leads.values().stream().map(fx::reload).toList();
    }

    private Set<String> handles(List<Lead> found) {
        Map<LeadId, String> byId = new LinkedHashMap<>();
        leads.forEach((handle, id) -> byId.put(id, handle));
        return found.stream().map(l -> byId.getOrDefault(l.id(), "foreign:" + l.id())).collect(Collectors.toSet());
    }

    /** Every page of the query, following cursors; fails if a page is over its limit. */
    private List<Lead> pageThrough(Actor actor, LeadCriteria criteria, LeadSort sort, int limit) {
        List<Lead> all = new ArrayList<>();
        LeadQuery query = new LeadQuery(project.id(), criteria, sort, limit, null);
        int pages = 0;
        while (true) {
            LeadPage page = lm().search().find(actor, query);
            assertTrue(page.leads().size() <= limit, "page over its limit");
            all.addAll(page.leads());
            if (!page.hasNext()) {
                return all;
            }
            assertEquals(limit, page.leads().size(), "only the last page may be short");
            query = query.after(page.nextCursor());
            assertTrue(++pages <= leads.size() + 1, "paging does not end");
        }
    }

    private Set<String> find(LeadCriteria criteria) {
        return handles(pageThrough(manager(), criteria, LeadSort.byLastActivity(), 500));
    }

    private List<Lead> expected(LeadCriteria criteria, LeadSort sort) {
        return allLeads().stream().filter(criteria::matches)
                .sorted(new LeadOrdering(sort, project.statusOrder())).toList();
    }

    private List<LeadCriteria> criteriaSamples() {
        Instant bulk = times.get("bulk");
        return List.of(
                LeadCriteria.all(),
                LeadCriteria.all().withStatuses(NEW, OFFER),
                LeadCriteria.all().withAssignees(fx.alice).withUnassigned(true),
                LeadCriteria.all().withText("schmidt"),
                LeadCriteria.all().withField(ContactField.CITY, "berlin").withStatuses(NEW, CONTACTED, OFFER),
                LeadCriteria.all().withCreated(times.get("anna2"), bulk.plusSeconds(1)).withOpenFollowUp(false),
                LeadCriteria.all().withSources(action.id()).withUnassigned(true),
                LeadCriteria.all().withStatuses(WON).withText("nobody"),
                LeadCriteria.all().withText("Mül bau"),
                LeadCriteria.all().withText("example anna").withUnassigned(true));
    }

    @Test
    void tickedStatusesFilterTheList() {
        assertEquals(Set.of("anna1", "bernd", "eva", "gisela", "emile", "ida", "zoe", "anna3", "hans"),
                find(LeadCriteria.all().withStatuses(NEW, OFFER)));
        assertEquals(Set.of("clara"), find(LeadCriteria.all().withStatuses(WON)));
        assertEquals(Set.copyOf(leads.keySet()), find(LeadCriteria.all()), "no tick means every status");
    }

    @Test
    void assigneesAndUnassignedFilterTheList() {
        assertEquals(Set.of("anna1", "bernd", "frank", "zoe"), find(LeadCriteria.all().withAssignees(fx.alice)));
        Set<String> unassigned = Set.of("anna2", "dieter", "eva", "hans", "emile", "ida");
        assertEquals(unassigned, find(LeadCriteria.all().withUnassigned(true)));
        Set<String> aliceOrNobody = new HashSet<>(unassigned);
        aliceOrNobody.addAll(Set.of("anna1", "bernd", "frank", "zoe"));
        assertEquals(aliceOrNobody, find(LeadCriteria.all().withAssignees(fx.alice).withUnassigned(true)));
        assertEquals(Set.of("anna1", "bernd", "frank", "zoe", "anna3", "clara", "juergen"),
                find(LeadCriteria.all().withAssignees(fx.alice, fx.bob)));
    }

    @Test
    void textMatchesNameEmailOrCompanyIgnoringCase() {
        Set<String> schmidt = Set.of("anna1", "anna2", "anna3", "bernd", "clara");
        assertEquals(schmidt, find(LeadCriteria.all().withText("schmidt")));
        assertEquals(schmidt, find(LeadCriteria.all().withText("SCHMIDT")));
        assertEquals(Set.of("bernd"), find(LeadCriteria.all().withText("müller")));
        assertEquals(Set.of("emile"), find(LeadCriteria.all().withText("ÉMILE")));
        assertEquals(Set.of("clara"), find(LeadCriteria.all().withText("& Söhne")));
        assertEquals(Set.of(), find(LeadCriteria.all().withText("Leipzig")), "the city is not searched as text");
        assertEquals(Set.of("anna1", "anna2", "anna3"), find(LeadCriteria.all().withText("  anna ")),
                "surrounding blanks are ignored");
        assertEquals(Set.of(), find(LeadCriteria.all().withText("%")), "wildcards are plain characters");
        assertEquals(Set.of(), find(LeadCriteria.all().withText("_")), "wildcards are plain characters");
    }

    @Test
    void everyWordOfTheTextBeginsAWordOfNameEmailOrCompany() {
        Set<String> schmidt = Set.of("anna1", "anna2", "anna3", "bernd", "clara");
        assertEquals(schmidt, find(LeadCriteria.all().withText("schm")), "a beginning is enough");
        assertEquals(Set.of(), find(LeadCriteria.all().withText("midt")), "the middle of a word is not");
        assertEquals(Set.of("anna1", "anna2", "anna3"), find(LeadCriteria.all().withText("anna s")));
        assertEquals(Set.of("anna1", "anna2", "anna3"), find(LeadCriteria.all().withText("S. ANNA")),
                "words in any order");
        assertEquals(Set.of("bernd"), find(LeadCriteria.all().withText("schmidt-bau")), "e-mail words, any case");
        assertEquals(Set.of("bernd"), find(LeadCriteria.all().withText("bernd bau")), "name and company together");
        assertEquals(Set.of("anna1"), find(LeadCriteria.all().withText("solarwerk anna")));
        assertEquals(Set.of(), find(LeadCriteria.all().withText("anna zetkin")), "every word must be found");
        assertEquals(Set.of("anna1", "clara", "eva", "gisela", "ida", "zoe"),
                find(LeadCriteria.all().withText("example.org")));
    }

    @Test
    void textFindsUmlautsSharpSAndAccentsAsGermanUsersTypeThem() {
        add("gerda", card("Gerda Straßer", null, "Hüttenwerk", null));
        add("hmueller", card("Hans Mueller", null, null, null));
        assertEquals(Set.of("bernd"), find(LeadCriteria.all().withText("muller")), "the host's ue is no umlaut");
        for (String term : List.of("mueller", "MÜLLER", "mül")) {
            assertEquals(Set.of("bernd", "hmueller"), find(LeadCriteria.all().withText(term)), term);
        }
        assertEquals(Set.of("juergen"), find(LeadCriteria.all().withText("jurgen")));
        assertEquals(Set.of("juergen"), find(LeadCriteria.all().withText("Jürgen")));
        assertEquals(Set.of("juergen"), find(LeadCriteria.all().withText("juergen klopp")));
        assertEquals(Set.of("emile"), find(LeadCriteria.all().withText("emile zola")));
        assertEquals(Set.of("zoe"), find(LeadCriteria.all().withText("zoe")));
        assertEquals(Set.of("clara"), find(LeadCriteria.all().withText("sohne")));
        assertEquals(Set.of("clara"), find(LeadCriteria.all().withText("SOEHNE")));
        for (String term : List.of("strasser", "straßer", "STRASS", "huttenwerk", "huettenwerk", "Hütten")) {
            assertEquals(Set.of("gerda"), find(LeadCriteria.all().withText(term)), term);
        }
        assertEquals(Set.of(), find(LeadCriteria.all().withText("straser")));
    }

    @Test
    void hostileCharactersInTheTextMatchLiterallyNeverAsWildcards() {
        add("hostile", card("50% Rabatt_Aktion", "o'neil@example.net", "Back\\slash \"Quote\" GmbH", null));
        add("plain", card("Rabatt Aktion", "rabatt@example.net", "Rabatt AG", null));
        assertEquals(Set.of("hostile"), find(LeadCriteria.all().withText("50%")));
        assertEquals(Set.of("hostile"), find(LeadCriteria.all().withText("rabatt_aktion 50")));
        assertEquals(Set.of("hostile"), find(LeadCriteria.all().withText("o'neil")));
        assertEquals(Set.of("hostile"), find(LeadCriteria.all().withText("back\\slash")));
        assertEquals(Set.of("hostile"), find(LeadCriteria.all().withText("\"quote\"")));
        assertEquals(Set.of(), find(LeadCriteria.all().withText("r_batt")), "_ matches no single character");
        assertEquals(Set.of(), find(LeadCriteria.all().withText("r%att")), "% matches no run of characters");
        for (String term : List.of("%", "_", "\\", "'", "\"", "%_%", "'; --")) {
            assertEquals(Set.of(), find(LeadCriteria.all().withText(term)), "no letter or digit: " + term);
        }
        assertEquals(Set.of(), find(LeadCriteria.all().withText("' OR '1'='1")), "the words or, 1, 1: no lead has 1");
    }

    @Test
    void contactFieldsMustEqualTheValueIgnoringCase() {
        assertEquals(Set.of("anna1", "anna3", "dieter", "eva", "gisela"),
                find(LeadCriteria.all().withField(ContactField.CITY, "berlin")));
        assertEquals(Set.of("anna1"), find(LeadCriteria.all().withField(ContactField.CITY, "Berlin")
                .withField(ContactField.COMPANY, "solarwerk gmbh")));
        assertEquals(Set.of(), find(LeadCriteria.all().withField(ContactField.CITY, "Berl")), "equality, not prefix");
        assertEquals(Set.of("clara"), find(LeadCriteria.all().withField(ContactField.EMAIL, "CLARA@example.org")));
    }

    @Test
    void sourceFiltersLeadsOfAMarketingAction() {
        assertEquals(Set.of("emile", "juergen", "ida"), find(LeadCriteria.all().withSources(action.id())));
        MarketingAction other = lm().qualification().createAction(manager(), "Other", Set.of(project.id()));
        assertEquals(Set.of(), find(LeadCriteria.all().withSources(other.id())));
        assertEquals(Set.of("emile", "juergen", "ida"), find(LeadCriteria.all().withSources(other.id(), action.id())));
    }

    @Test
    void createdAndLastActivityRangesIncludeTheirStartAndExcludeTheirEnd() {
        assertEquals(Set.of("anna2", "anna3", "bernd"),
                find(LeadCriteria.all().withCreated(times.get("anna2"), times.get("clara"))));
        assertEquals(Set.of("eva", "frank", "gisela", "hans"),
                find(LeadCriteria.all().withCreated(times.get("bulk"), times.get("bulk").plusNanos(1000))));
        assertEquals(Set.of("emile", "juergen", "ida", "zoe"),
                find(LeadCriteria.all().withCreated(times.get("emile"), null)));
        assertEquals(Set.of("anna1"), find(LeadCriteria.all().withCreated(null, times.get("anna2"))));
        assertEquals(Set.of("bernd", "hans"), find(LeadCriteria.all().withLastActivity(times.get("late"), null)));
        assertEquals(Set.of("bernd"), find(LeadCriteria.all().withLastActivity(times.get("late"),
                times.get("late").plusSeconds(60))));
    }

    @Test
    void openFollowUpsFilterTheList() {
        assertEquals(Set.of("anna1", "anna2", "clara"), find(LeadCriteria.all().withOpenFollowUp(true)));
        Set<String> without = new HashSet<>(leads.keySet());
        without.removeAll(Set.of("anna1", "anna2", "clara"));
        assertEquals(without, find(LeadCriteria.all().withOpenFollowUp(false)));
        Instant dayAfter = followUps.get("anna1").dueAt();
        assertEquals(Set.of("clara"), find(LeadCriteria.all().withFollowUpDueBefore(dayAfter)));
        assertEquals(Set.of("anna1", "clara"), find(LeadCriteria.all().withFollowUpDueBefore(dayAfter.plusNanos(1000))));
    }

    @Test
    void criteriaCombineWithAnd() {
        assertEquals(Set.of("anna1", "anna3"), find(LeadCriteria.all().withText("schmidt")
                .withField(ContactField.CITY, "berlin")));
        assertEquals(Set.of("anna1"), find(LeadCriteria.all().withText("schmidt").withAssignees(fx.alice)
                .withOpenFollowUp(true)));
        for (LeadCriteria criteria : criteriaSamples()) {
            assertEquals(handles(expected(criteria, LeadSort.byLastActivity())), find(criteria), criteria.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(SortField.class)
    void everySortPagesThroughEachMatchingLeadOnceInOrder(SortField field) {
        for (boolean descending : List.of(false, true)) {
            LeadSort sort = new LeadSort(field, descending);
            for (LeadCriteria criteria : criteriaSamples()) {
                List<LeadId> expected = expected(criteria, sort).stream().map(Lead::id).toList();
                for (int limit : List.of(1, 4, 500)) {
                    List<LeadId> actual = pageThrough(manager(), criteria, sort, limit).stream().map(Lead::id)
                            .toList();
                    assertEquals(expected, actual, sort + " limit " + limit + " " + criteria);
                }
            }
        }
    }

    @Test
    void aPageCarriesCurrentLeadsAndTheLastPageHasNoCursor() {
        LeadPage page = lm().search().find(manager(), new LeadQuery(project.id(), LeadCriteria.all(),
                LeadSort.ascending(SortField.NAME), 500, null));
        assertFalse(page.hasNext());
        assertEquals(leads.size(), page.leads().size());
        Lead zoe = page.leads().stream().filter(l -> l.id().equals(leads.get("zoe"))).findFirst().orElseThrow();
        assertEquals(fx.alice, zoe.assignee());
        assertEquals("Zoë Lee", zoe.card().name());
        LeadPage exact = lm().search().find(manager(), new LeadQuery(project.id(), LeadCriteria.all(),
                LeadSort.ascending(SortField.NAME), leads.size(), null));
        assertFalse(exact.hasNext(), "no cursor when the page holds the last lead");
    }

    @Test
    void countsPerStatusEqualTheSizesOfTheFilteredLists() {
        for (LeadCriteria criteria : criteriaSamples()) {
            StatusCounts counts = lm().search().countByStatus(manager(), project.id(), criteria);
            assertEquals(ORDER, List.copyOf(counts.byStatus().keySet()), "every status, in list order");
            long total = 0;
            for (StatusKey status : ORDER) {
                LeadCriteria one = criteria.statuses().isEmpty() || criteria.statuses().contains(status)
                        ? criteria.withStatuses(status) : null;
                long listed = one == null ? 0 : pageThrough(manager(), one, LeadSort.byLastActivity(), 500).size();
                assertEquals(listed, counts.of(status), status + " in " + criteria);
                total += listed;
            }
            assertEquals(total, counts.total());
            assertEquals(pageThrough(manager(), criteria, LeadSort.byLastActivity(), 500).size(), counts.total());
        }
        assertEquals(Map.of(OFFER, 2L, NEW, 7L, CONTACTED, 3L, WON, 1L, LOST, 1L),
                lm().search().countByStatus(manager(), project.id(), LeadCriteria.all()).byStatus());
    }

    @Test
    void aCursorOfAnotherSortIsRejected() {
        LeadQuery byName = new LeadQuery(project.id(), LeadCriteria.all(), LeadSort.ascending(SortField.NAME), 2,
                null);
        String cursor = lm().search().find(manager(), byName).nextCursor();
        assertNotNull(cursor);
        rejectsInput("query.cursor", () -> lm().search().find(manager(), new LeadQuery(project.id(),
                LeadCriteria.all(), LeadSort.ascending(SortField.CREATED), 2, cursor)));
        rejectsInput("query.cursor", () -> lm().search().find(manager(), new LeadQuery(project.id(),
                LeadCriteria.all(), LeadSort.descending(SortField.NAME), 2, cursor)));
        rejectsInput("query.cursor", () -> lm().search().find(manager(), byName.after("not-a-cursor")));
        rejectsInput("query.cursor", () -> lm().search().find(manager(), byName.after(cursor.substring(3))));
    }

    @Test
    void invalidCriteriaAreRejected() {
        Instant t = times.get("bulk");
        rejectsInput("query.criteria.statuses", () -> find(LeadCriteria.all().withStatuses(StatusKey.of("visit"))));
        rejectsInput("query.criteria.created", () -> find(LeadCriteria.all().withCreated(t, t.minusSeconds(1))));
        rejectsInput("query.criteria.lastActivity",
                () -> find(LeadCriteria.all().withLastActivity(t, t.minusSeconds(1))));
        rejectsInput("criteria.created", () -> lm().search().countByStatus(manager(), project.id(),
                LeadCriteria.all().withCreated(t, t.minusSeconds(1))));
        rejectsInput("criteria.statuses", () -> lm().search().save(manager(), "Broken", project.id(),
                LeadCriteria.all().withStatuses(StatusKey.of("visit")), LeadSort.byLastActivity()));
        rejectsInput("query.limit", () -> lm().search().find(manager(), new LeadQuery(project.id(),
                LeadCriteria.all(), LeadSort.byLastActivity(), 0, null)));
        rejectsInput("query.limit", () -> lm().search().find(manager(), new LeadQuery(project.id(),
                LeadCriteria.all(), LeadSort.byLastActivity(), 501, null)));
    }

    @Test
    void savedSearchesBelongToTheirOwner() {
        LeadCriteria berlin = LeadCriteria.all().withField(ContactField.CITY, "berlin");
        LeadSort byName = LeadSort.ascending(SortField.NAME);
        Actor alice = fx.agent(fx.alice);
        SavedSearch saved = lm().search().save(manager(), "Berlin leads", project.id(), berlin, byName);
        SavedSearch another = lm().search().save(manager(), "Action leads", project.id(),
                LeadCriteria.all().withSources(action.id()), LeadSort.byLastActivity());

        assertEquals(fx.mia, saved.owner());
        assertEquals(List.of(another.id(), saved.id()),
                lm().search().savedSearches(manager()).stream().map(SavedSearch::id).toList(), "by name");
        SavedSearch read = lm().search().savedSearches(manager()).get(1);
        assertEquals(berlin, read.criteria());
        assertEquals(byName, read.sort());
        assertEquals(project.id(), read.project());
        assertEquals("Berlin leads", read.name());

        rejects(ConflictException.class, () -> lm().search().save(manager(), "BERLIN leads", project.id(),
                LeadCriteria.all(), byName));
        assertTrue(lm().search().savedSearches(alice).isEmpty());
        rejects(NotFoundException.class, () -> lm().search().run(alice, saved.id(), 10));
        rejects(NotFoundException.class, () -> lm().search().deleteSavedSearch(alice, saved.id()));
        SavedSearch alices = lm().search().save(alice, "Berlin leads", project.id(), berlin, byName);
        assertEquals(List.of(alices.id()),
                lm().search().savedSearches(alice).stream().map(SavedSearch::id).toList());
        TckFixture other = fx.otherTenant();
        assertTrue(lm().search().savedSearches(other.manager).isEmpty(), "another tenant's mia sees nothing");
        rejects(NotFoundException.class, () -> lm().search().run(other.manager, saved.id(), 10));

        lm().search().deleteSavedSearch(manager(), saved.id());
        assertEquals(List.of(another.id()),
                lm().search().savedSearches(manager()).stream().map(SavedSearch::id).toList());
        rejects(NotFoundException.class, () -> lm().search().run(manager(), saved.id(), 10));
        assertEquals(1, lm().search().savedSearches(alice).size());
    }

    @Test
    void runningASavedSearchPagesLikeTheQueryItStores() {
        LeadCriteria berlin = LeadCriteria.all().withField(ContactField.CITY, "berlin");
        LeadSort byName = LeadSort.descending(SortField.NAME);
        SavedSearch saved = lm().search().save(manager(), "Berlin leads", project.id(), berlin, byName);
        List<LeadId> expected = expected(berlin, byName).stream().map(Lead::id).toList();

        List<LeadId> actual = new ArrayList<>();
        LeadPage page = lm().search().run(manager(), saved.id(), 2);
        page.leads().forEach(l -> actual.add(l.id()));
        while (page.nextCursor() != null) {
            page = lm().search().run(manager(), saved.id(), 2, page.nextCursor());
            page.leads().forEach(l -> actual.add(l.id()));
            assertTrue(actual.size() <= leads.size(), "paging does not end: " + actual);
        }

        assertEquals(expected, actual);
        assertEquals(5, actual.size());
        rejectsInput("limit", () -> lm().search().run(manager(), saved.id(), 0));
        rejectsInput("cursor", () -> lm().search().run(manager(), saved.id(), 2, "garbage"));
    }

    @Test
    void aSavedSearchTickingARetiredStatusMatchesNothingOnIt() {
        SavedSearch contacted = lm().search().save(manager(), "Contacted", project.id(),
                LeadCriteria.all().withStatuses(CONTACTED), LeadSort.byLastActivity());
        SavedSearch contactedOrWon = lm().search().save(manager(), "Contacted or won", project.id(),
                LeadCriteria.all().withStatuses(CONTACTED, WON), LeadSort.byLastActivity());

        lm().projects().retireStatus(manager(), project.id(), CONTACTED, NEW);

        assertEquals(List.of(), lm().search().run(manager(), contacted.id(), 50).leads());
        assertEquals(List.of(leads.get("clara")),
                lm().search().run(manager(), contactedOrWon.id(), 50).leads().stream().map(Lead::id).toList());
    }

    @Test
    void aListNeverShowsLeadsOfAnotherProject() {
        Set<String> found = find(LeadCriteria.all().withText("anna"));
        assertEquals(Set.of("anna1", "anna2", "anna3"), found);
    }
}
