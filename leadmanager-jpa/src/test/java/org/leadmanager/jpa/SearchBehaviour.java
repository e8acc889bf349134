package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SearchWords;
import org.leadmanager.domain.search.SortField;

/**
 * Search, counts and keyset paging agree with the reference semantics ({@code LeadCriteria.matches},
 * {@code LeadOrdering}) on random data and criteria chosen to hit the edges: case and umlauts, LIKE wildcards in
 * the text, ties on every sort key, statuses missing from the status order, unsigned id order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchBehaviour extends StoreTestBase {
    private static final long SEED = Long.getLong("leadmanager.search.seed", 20261127L);
    private static final String[] NAMES = {"anna", "Anna", "ANNA B", "Zoë", "zoe", "ZOË", "Émile", "émile", "_under",
        "100% pure", "b_c", "x", "Ärger", "ärger", "abc", "ab", "a!b", "O'Brien", "straße", "İstanbul", "istanbul", "ǅemal", "Σίσυφος", "ſam", "µ"};
    private static final String[] CITIES = {null, "Berlin", "berlin", "BERLIN ", "Köln", "KÖLN", "Paris"};
    /** "e" and "example com" begin words of most leads: the store walks the page's index for them. */
    private static final String[] TEXTS = {"an", "AN", "%", "_", "ö", "Ö", "e", "b_", "0% p", "!", "'", "ss", "σ", "i̇",
        "example com", "anna b"};
    private static final StatusKey GONE = StatusKey.of("gone");
    private static final List<StatusKey> STATUSES = List.of(Fixtures.NEW, Fixtures.CONTACTED, Fixtures.WON,
            Fixtures.LOST, GONE);
    private static final List<UserId> USERS = List.of(Fixtures.ALICE, Fixtures.BOB, UserId.of("carol"));

    private final List<MarketingActionId> actions = List.of(new MarketingActionId(UUID.randomUUID()),
            new MarketingActionId(UUID.randomUUID()));
    private final List<Instant> times = new ArrayList<>();
    private Project project;
    private List<Lead> leads;

    @BeforeAll
    void createLeads() {
        Random random = new Random(SEED);
        for (int i = 0; i < 12; i++) {
            times.add(Fixtures.at(random.nextInt(1_000_000)).plusNanos(1000L * random.nextInt(1_000_000)));
        }
        project = Fixtures.project(Fixtures.tenant(), "Search");
        run(s -> s.projects().insert(project));
        leads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = NAMES[random.nextInt(NAMES.length)] + (random.nextInt(3) == 0 ? " " + i % 7 : "");
            ContactCard card = new ContactCard(name,
                    random.nextBoolean() ? null : name.replace(' ', '.') + "@Example.COM",
                    random.nextBoolean() ? null : "+49 " + random.nextInt(100),
                    random.nextBoolean() ? null : NAMES[random.nextInt(NAMES.length)] + " GmbH",
                    CITIES[random.nextInt(CITIES.length)], null);
            Origin origin = random.nextBoolean() ? Origin.manual(Fixtures.ALICE)
                    : Origin.action(actions.get(random.nextInt(2)), Fixtures.ALICE);
            UserId assignee = random.nextInt(4) == 0 ? null : USERS.get(random.nextInt(USERS.size()));
            Instant created = pick(random, times);
            Instant activity = pick(random, times);
            leads.add(Lead.reconstitute(new LeadId(Fixtures.newId()), project.tenant(), project.id(),
                    ContactId.of("c" + i), card, pick(random, STATUSES), assignee, origin,
                    OwnerReason.manual(Fixtures.ALICE), null, created, created, activity,
                    random.nextBoolean() ? null : pick(random, times), 0));
        }
        run(s -> s.leads().insertIfAbsent(leads));
    }

    @Test
    void randomSearchesPageLikeTheReference() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 150; round++) {
            LeadCriteria criteria = randomCriteria(random);
            LeadSort sort = new LeadSort(SortField.values()[random.nextInt(SortField.values().length)],
                    random.nextBoolean());
            List<StatusKey> order = random.nextInt(8) == 0 ? List.of() : List.of(Fixtures.WON, Fixtures.NEW,
                    Fixtures.CONTACTED, Fixtures.LOST);
            int limit = 1 + random.nextInt(40);
            LeadSearch first = new LeadSearch(project.tenant(), project.id(), criteria, sort, order, null, limit);
            List<LeadId> expected = leads.stream().filter(criteria::matches).sorted(first.ordering())
                    .map(Lead::id).toList();

            List<LeadId> paged = new ArrayList<>();
            LeadSearch page = first;
            while (true) {
                LeadSearch current = page;
                List<Lead> result = tx(s -> s.leads().search(current));
                result.forEach(l -> paged.add(l.id()));
                if (result.size() < limit) {
                    break;
                }
                Keyset after = first.ordering().keysetOf(result.get(result.size() - 1));
                page = new LeadSearch(project.tenant(), project.id(), criteria, sort, order, after, limit);
            }
            String context = "seed " + SEED + " round " + round + ": " + criteria + " " + sort + " limit " + limit;
            assertEquals(expected, paged, context);

            Map<StatusKey, Long> counts = leads.stream().filter(criteria::matches)
                    .collect(Collectors.groupingBy(Lead::status, Collectors.counting()));
            assertEquals(counts, tx(s -> s.leads().countByStatus(project.tenant(), project.id(), criteria)), context);
        }
    }

    /**
     * A read-only unit of work that finds a project and searches it uses the project the store remembers and
     * checks its version in the page's round trip (with the page statement, or in a statement sent with it): one
     * prepared statement in all. A change committed elsewhere (another
     * store on the same database, whose cache knows nothing of it) is noticed and the unit of work runs again, so
     * it answers with the changed project; after that, one statement again.
     */
    @Test
    void aReadUsesTheRememberedProjectCheckedByThePageStatementAndNoticesAChange() {
        CountingDataSource connections = new CountingDataSource(db().url());
        EntityManagerFactory emf = db().newEmf(Map.of("hibernate.connection.datasource", connections));
        JpaLeadStore counted = JpaLeadStore.create(emf);
        LeadSearch search = new LeadSearch(project.tenant(), project.id(), LeadCriteria.all(),
                LeadSort.byLastActivity(), List.of(), null, 10);
        record Found(Project project, List<LeadId> page, long statements) {
        }
        java.util.function.Function<org.leadmanager.spi.store.StoreSession, Found> findAndSearch = s -> {
            long before = connections.statements();
            Project found = s.projects().find(project.tenant(), project.id()).orElseThrow();
            List<LeadId> page = s.leads().search(search).stream().map(Lead::id).toList();
            return new Found(found, page, connections.statements() - before);
        };
        List<LeadId> expected = tx(s -> s.leads().search(search)).stream().map(Lead::id).toList();

        Found first = counted.read(findAndSearch);
        Found remembered = counted.read(findAndSearch);
        Project stored = tx(s -> s.projects().find(project.tenant(), project.id())).orElseThrow();
        Project renamed = tx(s -> s.projects().update(stored.renamed(stored.name() + " renamed")));
        long before = connections.statements();
        Found afterChange = counted.read(findAndSearch);
        long afterChangeStatements = connections.statements() - before;
        Found rememberedAgain = counted.read(findAndSearch);

        assertEquals(expected, first.page());
        assertEquals(expected, remembered.page());
        assertEquals(1, remembered.statements(), "the page statement alone");
        assertEquals(stored.name(), remembered.project().name());
        assertEquals(renamed.name(), afterChange.project().name(), "the change is seen");
        assertEquals(renamed.version(), afterChange.project().version());
        assertEquals(expected, afterChange.page());
        assertTrue(afterChangeStatements > 1, "the stale version was noticed and the work ran again");
        assertEquals(1, rememberedAgain.statements());
        assertEquals(renamed.name(), rememberedAgain.project().name());
    }

    @Test
    void aPageTakesAFixedNumberOfStatementsWhateverItsSize() {
        // counted on the connections themselves: the provider's statements and the store's own JDBC statements
        CountingDataSource connections = new CountingDataSource(db().url());
        EntityManagerFactory emf = db().newEmf(Map.of("hibernate.connection.datasource", connections));
        JpaLeadStore counted = JpaLeadStore.create(emf);
        LeadCriteria withoutText = LeadCriteria.all().withStatuses(Fixtures.NEW, Fixtures.CONTACTED, GONE)
                .withUnassigned(true).withAssignees(Fixtures.ALICE);
        LeadCriteria criteria = withoutText.withText("a");
        assertEquals(Map.of(1, 1L, 10, 1L, 100, 1L),
                statementsPerPage(counted, connections, withoutText, new HashMap<>()));
        Map<Integer, Integer> leadsPerPageSize = new HashMap<>();
        Map<Integer, Long> withText = statementsPerPage(counted, connections, criteria, leadsPerPageSize);
        assertTrue(withText.values().stream().allMatch(n -> n >= 2 && n <= 3), "a text weighs its word, then reads"
                + " the page by walking the list, and by the word's range when the walk did not fill it: " + withText);
        assertEquals(1, leadsPerPageSize.get(1));
        assertEquals(10, leadsPerPageSize.get(10), "enough matches for a page of 10");

        long counts = counted.inTransaction(s -> {
            long before = connections.statements();
            s.leads().countByStatus(project.tenant(), project.id(), criteria);
            s.tallies().sums(project.tenant(), org.leadmanager.domain.tally.Tally.STATUS);
            s.tallies().sums(project.tenant(), project.id(), org.leadmanager.domain.tally.Tally.OWNER);
            return connections.statements() - before;
        });
        assertEquals(3, counts, "each count is one grouped query, of the leads or of the kept tallies");
    }

    /**
     * A common word whose leads all come late in page order: the walk along the list's index stops after its
     * budget without a match, and the word's range finds the page, the same as the reference.
     */
    @Test
    void aCommonWordFoundOnlyLateInTheListIsFoundThroughItsWords() {
        Project late = Fixtures.project(Fixtures.tenant(), "Late");
        run(s -> s.projects().insert(late));
        List<Lead> all = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            // newest first: the 5,600 newest are called Early, the 400 oldest Spätzle
            String name = (i < 400 ? "Spätzle " : "Early ") + i;
            Lead lead = Lead.reconstitute(new LeadId(Fixtures.newId()), late.tenant(), late.id(),
                    ContactId.of("late-" + i), ContactCard.named(name), Fixtures.NEW, null,
                    Origin.manual(Fixtures.ALICE), OwnerReason.unassigned(Fixtures.ALICE), null, Fixtures.at(i),
                    Fixtures.at(i), Fixtures.at(i), null, 0);
            all.add(lead);
        }
        for (int from = 0; from < all.size(); from += 1000) {
            List<Lead> chunk = all.subList(from, from + 1000);
            run(s -> s.leads().insertIfAbsent(chunk));
        }
        LeadCriteria criteria = LeadCriteria.all().withText("spaetz");
        LeadSearch search = new LeadSearch(late.tenant(), late.id(), criteria, LeadSort.byLastActivity(),
                late.statusOrder(), null, 50);
        List<LeadId> expected = all.stream().filter(criteria::matches).sorted(search.ordering()).limit(50)
                .map(Lead::id).toList();

        List<LeadId> found = store().read(s -> s.leads().search(search)).stream().map(Lead::id).toList();

        assertEquals(50, expected.size());
        assertEquals(expected, found);
    }

    /**
     * A word weighed as common is remembered by the store: the next page of it walks the list at once, one statement
     * fewer, with the same leads. A page whose walk does not fill it (here: after the last match) takes the word's
     * range and makes the store forget the word, so the page after weighs it again.
     */
    @Test
    void aWordFoundCommonIsWalkedAtOnceUntilAWalkFallsShort() {
        Project own = Fixtures.project(Fixtures.tenant(), "Common");
        run(s -> s.projects().insert(own));
        List<Lead> all = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            all.add(Lead.reconstitute(new LeadId(Fixtures.newId()), own.tenant(), own.id(), ContactId.of("cw-" + i),
                    ContactCard.named("Gemeinsam " + i), Fixtures.NEW, null, Origin.manual(Fixtures.ALICE),
                    OwnerReason.unassigned(Fixtures.ALICE), null, Fixtures.at(i), Fixtures.at(i), Fixtures.at(i),
                    null, 0));
        }
        run(s -> s.leads().insertIfAbsent(all));
        CountingDataSource connections = new CountingDataSource(db().url());
        EntityManagerFactory emf = db().newEmf(Map.of("hibernate.connection.datasource", connections));
        JpaLeadStore counted = JpaLeadStore.create(emf);
        LeadCriteria criteria = LeadCriteria.all().withText("gemein");
        LeadSearch first = new LeadSearch(own.tenant(), own.id(), criteria, LeadSort.byLastActivity(), List.of(),
                null, 10);
        Lead oldest = all.get(0);
        LeadSearch afterLast = new LeadSearch(own.tenant(), own.id(), criteria, LeadSort.byLastActivity(), List.of(),
                new Keyset(oldest.lastActivityAt(), oldest.id()), 10);
        List<LeadId> expected = all.stream().sorted(first.ordering()).limit(10).map(Lead::id).toList();
        record Counted(List<LeadId> page, long statements) {
        }
        java.util.function.Function<LeadSearch, Counted> read = search -> counted.read(s -> {
            long before = connections.statements();
            List<LeadId> page = s.leads().search(search).stream().map(Lead::id).toList();
            return new Counted(page, connections.statements() - before);
        });

        Counted weighed = read.apply(first);
        Counted remembered = read.apply(first);
        Counted fallsShort = read.apply(afterLast);
        Counted weighedAgain = read.apply(first);

        assertEquals(expected, weighed.page());
        assertEquals(2, weighed.statements(), "weighs the word, then walks the list");
        assertEquals(expected, remembered.page());
        assertEquals(1, remembered.statements(), "walks the list at once");
        assertEquals(List.of(), fallsShort.page());
        assertEquals(2, fallsShort.statements(), "the walk finds nothing after the last lead: the word's range");
        assertEquals(expected, weighedAgain.page());
        assertEquals(2, weighedAgain.statements(), "forgotten after the short walk: weighed again");
    }

    /**
     * A lead's rows of {@code lm_lead_word} are the words of its {@code search_words}, the card's kept words: after
     * insert, after a card change that keeps some words and drops others, and none after the lead is deleted.
     */
    @Test
    void aLeadsWordRowsFollowItsCard() throws Exception {
        Project own = Fixtures.project(Fixtures.tenant(), "Words");
        run(s -> s.projects().insert(own));
        ContactCard first = new ContactCard("Jörg Kahn", "joerg@kahn-it.de", null, "Kahn IT", null, null);
        ContactCard second = new ContactCard("Jörg Kahnert", "jk@kahn-it.de", null, "Straßenbau Kahn", null, null);
        Lead lead = Lead.reconstitute(new LeadId(Fixtures.newId()), own.tenant(), own.id(), ContactId.of("w-1"), first,
                Fixtures.NEW, null, Origin.manual(Fixtures.ALICE), OwnerReason.manual(Fixtures.ALICE), null,
                Fixtures.at(1), Fixtures.at(1), Fixtures.at(1), null, 0);
        run(s -> s.leads().insertIfAbsent(List.of(lead)));
        assertEquals(SearchWords.of(first), storedWords(lead));

        Lead changed = tx(s -> s.leads().update(lead.refreshCard(second, Fixtures.at(2))));
        assertEquals(SearchWords.of(second), storedWords(lead));
        assertEquals(List.of(lead.id()), tx(s -> s.leads().search(new LeadSearch(own.tenant(), own.id(),
                LeadCriteria.all().withText("strasse kahnert"), LeadSort.byLastActivity(), List.of(), null, 10)))
                .stream().map(Lead::id).toList());

        run(s -> s.leads().delete(changed));
        assertEquals(java.util.Set.of(), storedWords(lead));
    }

    /** The lead's rows of lm_lead_word, and that they are the words its search_words holds. */
    private java.util.Set<String> storedWords(Lead lead) throws java.sql.SQLException {
        java.util.Set<String> rows = new java.util.TreeSet<>(strings("SELECT word FROM lm_lead_word"
                + " WHERE tenant_id = ? AND lead_id = ?", lead));
        List<String> text = strings("SELECT search_words FROM lm_lead WHERE tenant_id = ? AND id = ?", lead);
        assertEquals(new java.util.TreeSet<>(text.isEmpty() ? List.of() : LeadWords.words(text.get(0))), rows,
                "the rows are search_words' words");
        return rows;
    }

    /** The first column of a statement's rows, bound to the lead's tenant and id. */
    private List<String> strings(String sql, Lead lead) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        try (java.sql.Connection c = db().connect(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lead.tenant().value());
            ps.setObject(2, lead.id().value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** The most statements a page of 1, 10 and 100 leads took, in a transaction and in a read. */
    private Map<Integer, Long> statementsPerPage(JpaLeadStore counted, CountingDataSource connections,
            LeadCriteria criteria, Map<Integer, Integer> leadsPerPageSize) {
        Map<Integer, Long> statementsPerPageSize = new HashMap<>();
        for (int size : new int[] {1, 10, 100}) {
            Lead last = leads.stream().filter(criteria::matches).sorted(new LeadSearch(project.tenant(), project.id(),
                    criteria, LeadSort.byLastActivity(), List.of(), null, 1).ordering()).findFirst().orElseThrow();
            LeadSearch search = new LeadSearch(project.tenant(), project.id(), criteria, LeadSort.byLastActivity(),
                    List.of(), new Keyset(last.lastActivityAt(), last.id()), size);
            for (boolean readOnly : new boolean[] {false, true}) {
                java.util.function.Function<org.leadmanager.spi.store.StoreSession, Long> page = s -> {
                    long before = connections.statements();
                    leadsPerPageSize.merge(size, s.leads().search(search).size(), Math::max);
                    return connections.statements() - before;
                };
                long statements = readOnly ? counted.read(page) : counted.inTransaction(page);
                statementsPerPageSize.merge(size, statements, Math::max);
            }
        }
        return statementsPerPageSize;
    }

    private LeadCriteria randomCriteria(Random random) {
        LeadCriteria c = LeadCriteria.all();
        if (random.nextInt(3) == 0) {
            c = c.withStatuses(new java.util.HashSet<>(STATUSES.subList(0, 1 + random.nextInt(3))));
        }
        if (random.nextInt(3) == 0) {
            c = c.withAssignees(USERS.subList(0, random.nextInt(3)).toArray(UserId[]::new))
                    .withUnassigned(random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
            c = c.withText(TEXTS[random.nextInt(TEXTS.length)]);
        }
        if (random.nextInt(5) == 0) {
            String city = CITIES[1 + random.nextInt(CITIES.length - 1)];
            c = c.withField(ContactField.CITY, random.nextBoolean() ? city : city.toUpperCase());
        }
        if (random.nextInt(8) == 0) {
            // upper- or lower-casing the value: equality ignoring case must agree with equalsIgnoreCase
            String name = NAMES[random.nextInt(NAMES.length)];
            c = c.withField(ContactField.NAME, switch (random.nextInt(3)) {
                case 0 -> name;
                case 1 -> name.toUpperCase(java.util.Locale.ROOT);
                default -> name.toLowerCase(java.util.Locale.ROOT);
            });
        }
        if (random.nextInt(5) == 0) {
            c = c.withSources(actions.get(random.nextInt(2)));
        }
        if (random.nextInt(4) == 0) {
            c = c.withCreated(maybe(random), maybe(random));
        }
        if (random.nextInt(4) == 0) {
            c = c.withLastActivity(maybe(random), maybe(random));
        }
        if (random.nextInt(4) == 0) {
            c = c.withOpenFollowUp(random.nextBoolean());
        }
        if (random.nextInt(5) == 0) {
            c = c.withFollowUpDueBefore(pick(random, times));
        }
        return c;
    }

    private Instant maybe(Random random) {
        return random.nextBoolean() ? null : pick(random, times);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
