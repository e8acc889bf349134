package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
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
import org.leadmanager.domain.search.SortField;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.leadmanager.spi.store.LeadStore;

/**
 * Differential test: the same random leads in the in-memory store and in PostgreSQL, searched with the same random
 * criteria, sorts and page sizes, give the same pages (followed by keyset to the end) and the same counts per
 * status. Half of the leads have random Unicode names and companies (umlauts, ß, accents and combining marks,
 * case-changing letters, scripts outside Latin, the hostile {@code % _ \ ' "}), some get a new card or are
 * deleted before the searches, and the text criterion is as often a random Unicode term as a piece of a lead's
 * name, written as a user might type it.
 */
class InMemoryAgreesWithPostgresTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final String[] NAMES = {"Anna Berg", "anna berg", "Ärger GmbH", "Émile Roux", "zoe_x", "Zoë 50%",
        "Bernd", "bernd", "Carla Lux", "Ölmühle"};
    private static final String[] COMPANIES = {null, "Berg Bau GmbH", "Lux Licht", "ACME", "acme"};
    private static final String[] CITIES = {null, "Berlin", "berlin", "Köln", "Hamburg"};
    private static final UserId[] OWNERS = {null, UserId.of("alice"), UserId.of("bob"), UserId.of("carol")};
    private static final MarketingActionId[] ACTIONS = {new MarketingActionId(new UUID(1, 1)),
        new MarketingActionId(new UUID(2, 2))};
    private static final String[] TEXTS = {"berg", "GMBH", "%", "_", "ö", "lux", "acme", "zz"};
    /**
     * What random names and terms are made of: letters that fold specially, marks, separators, hostile text. No
     * character of U+E000..U+FFFF (such as the ligature U+FB01): beside a character beyond U+FFFF it sorts by name
     * in UTF-16 order in the in-memory store but in code-point order in PostgreSQL, a difference of the NAME sort
     * that this test found and that is not the text criterion's.
     */
    private static final String[] PIECES = {"a", "b", "e", "i", "o", "s", "u", "z", "A", "E", "S", "Z", "0", "7", "ä",
        "Ä", "ö", "Ö", "ü", "Ü", "ß", "ẞ", "ss", "ae", "ue", "é", "É", "e\u0301", "u\u0308", "\u0130", "\u0131",
        "ø", "ł", "σ", "Σ", "ς", "ж", "Ж", "中", "가", "\uD801\uDC00", "\uD83D\uDE00", " ", " ", "-", ".", "@",
        "%", "_", "\\", "'", "\"", "!"};

    private static TestDatabase postgres;
    private static LeadStore memory;

    private static synchronized LeadStore postgres() {
        if (postgres == null) {
            postgres = TestDatabase.postgres();
            memory = InMemoryLeadStore.create();
        }
        return postgres.store();
    }

    @AfterContainer
    static synchronized void close() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @Property(tries = 40)
    void sameLeadsAndCriteriaGiveTheSamePagesAndCounts(@ForAll long seed) {
        Random random = new Random(seed);
        LeadStore pg = postgres();
        Project project = Fixtures.project(TenantId.of("diff-" + UUID.randomUUID()), "Differential");
        List<Lead> leads = randomLeads(random, project);
        for (LeadStore store : List.of(pg, memory)) {
            store.inTransaction(s -> {
                s.projects().insert(project);
                return s.leads().insertIfAbsent(leads);
            });
        }
        List<Lead> kept = changeSome(random, leads, pg);
        for (int query = 0; query < 5; query++) {
            LeadCriteria criteria = randomCriteria(random);
            if (random.nextInt(3) == 0) {
                criteria = criteria.withText(randomTerm(random, kept));
            }
            LeadSort sort = new LeadSort(SortField.values()[random.nextInt(SortField.values().length)],
                    random.nextBoolean());
            int limit = 1 + random.nextInt(25);
            String what = "seed " + seed + ", query " + query + ": " + criteria + " " + sort + " limit " + limit;
            assertEquals(pages(memory, project, criteria, sort, limit), pages(pg, project, criteria, sort, limit),
                    what);
            assertEquals(counts(memory, project, criteria), counts(pg, project, criteria), what);
        }
    }

    private static List<List<LeadId>> pages(LeadStore store, Project project, LeadCriteria criteria, LeadSort sort,
            int limit) {
        List<List<LeadId>> pages = new ArrayList<>();
        Keyset after = null;
        while (true) {
            LeadSearch search = new LeadSearch(project.tenant(), project.id(), criteria, sort, project.statusOrder(),
                    after, limit);
            List<Lead> page = store.inTransaction(s -> s.leads().search(search));
            if (page.isEmpty()) {
                return pages;
            }
            pages.add(page.stream().map(Lead::id).toList());
            after = search.ordering().keysetOf(page.get(page.size() - 1));
        }
    }

    /**
     * Gives some leads a new random card and deletes some, the same in both stores, so the words of changed and
     * deleted leads are checked too; the leads as they are now.
     */
    private static List<Lead> changeSome(Random random, List<Lead> leads, LeadStore pg) {
        List<Lead> kept = new ArrayList<>();
        List<Lead> changed = new ArrayList<>();
        List<Lead> deleted = new ArrayList<>();
        for (Lead lead : leads) {
            int what = random.nextInt(8);
            if (what == 0) {
                changed.add(lead.refreshCard(new ContactCard(randomText(random, 1, 4), null, null,
                        random.nextBoolean() ? randomText(random, 1, 3) : null, null, null), lead.lastActivityAt()));
            } else if (what == 1) {
                deleted.add(lead);
            } else {
                kept.add(lead);
            }
        }
        for (LeadStore store : List.of(pg, memory)) {
            store.inTransaction(s -> {
                changed.forEach(s.leads()::update);
                deleted.forEach(s.leads()::delete);
                return null;
            });
        }
        changed.forEach(lead -> kept.add(lead.withVersion(lead.version() + 1)));
        return kept;
    }

    /** One to {@code max} words of one to six random pieces each, joined by blanks. */
    private static String randomText(Random random, int min, int max) {
        StringBuilder text = new StringBuilder();
        int words = min + random.nextInt(max - min + 1);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            int pieces = 1 + random.nextInt(6);
            for (int p = 0; p < pieces; p++) {
                text.append(pick(random, PIECES));
            }
        }
        return text.toString().strip().isEmpty() ? "x" : text.toString();
    }

    /**
     * A random Unicode term, or a piece of a lead's name as a user might type it: cut anywhere, in upper or lower
     * case, with its umlauts written out or left off.
     */
    private static String randomTerm(Random random, List<Lead> leads) {
        if (leads.isEmpty() || random.nextInt(3) == 0) {
            return randomText(random, 1, 2);
        }
        String name = leads.get(random.nextInt(leads.size())).card().name();
        int from = random.nextInt(name.length());
        int to = from + 1 + random.nextInt(name.length() - from);
        if (Character.isLowSurrogate(name.charAt(from))) {
            from--;
        }
        if (to < name.length() && Character.isLowSurrogate(name.charAt(to))) {
            to++;
        }
        String term = name.substring(from, to);
        term = switch (random.nextInt(4)) {
            case 0 -> term.toUpperCase(java.util.Locale.ROOT);
            case 1 -> term.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss");
            case 2 -> term.replace("ü", "u").replace("ö", "o").replace("ä", "a");
            default -> term;
        };
        return term.isBlank() ? "x" : term;
    }

    private static Map<StatusKey, Long> counts(LeadStore store, Project project, LeadCriteria criteria) {
        Map<StatusKey, Long> counts = new HashMap<>(store.inTransaction(
                s -> s.leads().countByStatus(project.tenant(), project.id(), criteria)));
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    private static List<Lead> randomLeads(Random random, Project project) {
        int size = 20 + random.nextInt(80);
        List<StatusKey> statuses = project.statusOrder();
        List<Lead> leads = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean unicode = random.nextBoolean();
            ContactCard card = new ContactCard(unicode ? randomText(random, 1, 4) : pick(random, NAMES),
                    random.nextBoolean() ? "c" + i + "@Example.org" : null, null,
                    unicode && random.nextBoolean() ? randomText(random, 1, 3) : pick(random, COMPANIES),
                    pick(random, CITIES), null);
            Instant created = T0.plusSeconds(60L * random.nextInt(20));
            Origin origin = random.nextInt(3) == 0 ? Origin.action(pick(random, ACTIONS), Fixtures.ALICE)
                    : Origin.manual(Fixtures.ALICE);
            UserId owner = pick(random, OWNERS);
            Lead lead = Lead.qualify(new LeadId(UUID.randomUUID()), project.tenant(), project.id(),
                    ContactId.of("c" + i), card, statuses.get(random.nextInt(statuses.size())), origin, owner,
                    owner == null ? OwnerReason.unassigned(Fixtures.ALICE) : OwnerReason.manual(Fixtures.ALICE),
                    created);
            Instant activity = created.plusSeconds(60L * random.nextInt(10));
            lead = lead.touched(activity)
                    .withNextFollowUpAt(random.nextBoolean() ? null : T0.plusSeconds(3600L * random.nextInt(48)));
            leads.add(lead);
        }
        return leads;
    }

    private static LeadCriteria randomCriteria(Random random) {
        LeadCriteria c = LeadCriteria.all();
        if (random.nextBoolean()) {
            Set<StatusKey> ticked = new HashSet<>();
            for (StatusKey key : List.of(Fixtures.NEW, Fixtures.CONTACTED, Fixtures.WON, Fixtures.LOST)) {
                if (random.nextBoolean()) {
                    ticked.add(key);
                }
            }
            c = c.withStatuses(ticked);
        }
        if (random.nextInt(3) == 0) {
            c = c.withAssignees(random.nextBoolean() ? new UserId[] {OWNERS[1]} : new UserId[] {OWNERS[1], OWNERS[2]})
                    .withUnassigned(random.nextBoolean());
        } else if (random.nextInt(5) == 0) {
            c = c.withUnassigned(true);
        }
        if (random.nextInt(3) == 0) {
            c = c.withText(pick(random, TEXTS));
        }
        if (random.nextInt(4) == 0) {
            Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
            fields.put(ContactField.CITY, random.nextBoolean() ? "BERLIN" : "köln");
            c = c.withField(ContactField.CITY, fields.get(ContactField.CITY));
        }
        if (random.nextInt(4) == 0) {
            c = c.withSources(pick(random, ACTIONS));
        }
        if (random.nextInt(4) == 0) {
            c = c.withCreated(T0.plusSeconds(60L * random.nextInt(10)), random.nextBoolean() ? null
                    : T0.plusSeconds(600 + 60L * random.nextInt(10)));
        }
        if (random.nextInt(4) == 0) {
            c = c.withLastActivity(T0.plusSeconds(60L * random.nextInt(15)), null);
        }
        if (random.nextInt(4) == 0) {
            c = c.withOpenFollowUp(random.nextBoolean());
        }
        if (random.nextInt(4) == 0) {
            c = c.withFollowUpDueBefore(T0.plusSeconds(3600L * random.nextInt(48)));
        }
        return c;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
