package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.spi.store.StoreSession;

/**
 * On random leads, updates, criteria and sorts, every page the store returns (paging through by keyset, or
 * starting after an arbitrary lead) and every count per status equals a naive filter and sort with the reference
 * semantics {@link LeadCriteria#matches} and {@link LeadOrdering}. Seeded, so every run checks the same cases.
 */
class SearchAgreesWithReferenceTest {
    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final TenantId OTHER_TENANT = TenantId.of("tenant-b");
    private static final ProjectId PROJECT = ProjectId.parse("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId OTHER_PROJECT = ProjectId.parse("00000000-0000-0000-0000-00000000000b");
    /** "retired" is not in the status order: STATUS_ORDER sorts it last. */
    private static final List<StatusKey> STATUSES =
            List.of("new", "contacted", "won", "lost", "retired").stream().map(StatusKey::of).toList();
    private static final List<StatusKey> STATUS_ORDER = STATUSES.subList(0, 4);
    private static final List<UserId> USERS = List.of(UserId.of("anna"), UserId.of("ben"), UserId.of("cara"));
    private static final List<String> NAMES =
            List.of("Anna Schmidt", "anna", "Ben Müller", "ben", "BEN", "Zed", "Ärger AG", "carla");
    private static final List<MarketingActionId> ACTIONS = List.of(
            MarketingActionId.parse("00000000-0000-0000-0000-0000000000a1"),
            MarketingActionId.parse("00000000-0000-0000-0000-0000000000a2"));
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    /** One generated lead: indexes into the pools above, minutes after T0; where 0 = the searched project. */
    record LeadSpec(int status, int assignee, int name, int created, int activity, int followUp, int origin,
            int where) {
    }

    /** A later update of the lead at {@code index} (modulo the lead count). */
    record UpdateSpec(int index, int status, int assignee, int activity) {
    }

    record Scenario(List<LeadSpec> leads, List<UpdateSpec> updates) {
    }

    @Property(tries = 300, seed = "20250301")
    void everyPageAndCountAgreesWithTheReference(@ForAll("scenarios") Scenario scenario,
            @ForAll("criteria") LeadCriteria criteria, @ForAll("sorts") LeadSort sort,
            @ForAll("limits") int limit) {
        InMemoryLeadStore store = InMemoryLeadStore.create();
        List<Lead> searched = load(store, scenario);
        LeadOrdering ordering = new LeadOrdering(sort, STATUS_ORDER);
        List<LeadId> expected = searched.stream().filter(criteria::matches).sorted(ordering).map(Lead::id).toList();

        List<LeadId> paged = new ArrayList<>();
        LeadSearch search = new LeadSearch(TENANT, PROJECT, criteria, sort, STATUS_ORDER, null, limit);
        while (true) {
            LeadSearch page = search;
            List<Lead> leads = store.inTransaction(s -> s.leads().search(page));
            assertEquals(expected.subList(paged.size(), Math.min(expected.size(), paged.size() + limit)),
                    ids(leads), "page after " + paged.size() + " leads");
            leads.forEach(l -> paged.add(l.id()));
            if (leads.size() < limit) {
                break;
            }
            search = new LeadSearch(TENANT, PROJECT, criteria, sort, STATUS_ORDER,
                    ordering.keysetOf(leads.get(leads.size() - 1)), limit);
        }
        assertEquals(expected, paged);

        for (Lead from : searched) {
            List<LeadId> after = searched.stream().filter(l -> ordering.isAfter(l, ordering.keysetOf(from)))
                    .filter(criteria::matches).sorted(ordering).limit(limit).map(Lead::id).toList();
            LeadSearch page = new LeadSearch(TENANT, PROJECT, criteria, sort, STATUS_ORDER,
                    ordering.keysetOf(from), limit);
            assertEquals(after, ids(store.inTransaction(s -> s.leads().search(page))), "page after " + from);
        }

        Map<StatusKey, Long> counts = searched.stream().filter(criteria::matches)
                .collect(Collectors.groupingBy(Lead::status, Collectors.counting()));
        assertEquals(counts, store.inTransaction(s -> s.leads().countByStatus(TENANT, PROJECT, criteria)));
    }

    /** Stores the scenario's leads and updates; returns the current leads of the searched tenant and project. */
    private static List<Lead> load(InMemoryLeadStore store, Scenario scenario) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < scenario.leads().size(); i++) {
            leads.add(lead(i, scenario.leads().get(i)));
        }
        store.inTransaction(s -> s.leads().insertIfAbsent(leads));
        for (UpdateSpec update : scenario.updates()) {
            if (leads.isEmpty()) {
                break;
            }
            int index = update.index() % leads.size();
            Lead before = leads.get(index);
            Instant now = T0.plusSeconds(60L * update.activity());
            Lead changed = before.withStatus(STATUSES.get(update.status()), null, now)
                    .assignedTo(user(update.assignee()), before.ownerReason(), now);
            leads.set(index, store.inTransaction((Function<StoreSession, Lead>) s -> s.leads().update(changed)));
        }
        return leads.stream().filter(l -> l.tenant().equals(TENANT) && l.project().equals(PROJECT)).toList();
    }

    private static Lead lead(int index, LeadSpec spec) {
        String name = NAMES.get(spec.name());
        TenantId tenant = spec.where() == 2 ? OTHER_TENANT : TENANT;
        ProjectId project = spec.where() == 1 ? OTHER_PROJECT : PROJECT;
        ContactCard card = new ContactCard(name, spec.name() % 2 == 0 ? name.replace(' ', '.') + "@mail.test" : null,
                null, List.of("ACME", "acme gmbh", "Beta").get(index % 3), index % 4 == 0 ? null : "Berlin", null);
        Origin origin = spec.origin() == 0 ? Origin.manual(USERS.get(0))
                : Origin.action(ACTIONS.get(spec.origin() - 1), USERS.get(0));
        // distinct ids whose high bits cover negative values, so the unsigned id order is exercised
        LeadId id = new LeadId(new UUID(index * 0x9E3779B97F4A7C15L, index));
        Instant created = minute(spec.created());
        return Lead.reconstitute(id, tenant, project, ContactId.of("contact-" + index), card,
                STATUSES.get(spec.status()), user(spec.assignee()), origin, OwnerReason.unassigned(USERS.get(0)),
                null, created, created, minute(spec.activity()), spec.followUp() < 0 ? null : minute(spec.followUp()), 0);
    }

    private static UserId user(int index) {
        return index == 0 ? null : USERS.get(index - 1);
    }

    private static Instant minute(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static List<LeadId> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<LeadSpec> lead = Combinators.combine(
                Arbitraries.integers().between(0, STATUSES.size() - 1),
                Arbitraries.integers().between(0, USERS.size()),
                Arbitraries.integers().between(0, NAMES.size() - 1),
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(-1, 8),
                Arbitraries.integers().between(0, ACTIONS.size()),
                Arbitraries.integers().between(0, 5)).as(LeadSpec::new);
        Arbitrary<UpdateSpec> update = Combinators.combine(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, STATUSES.size() - 1),
                Arbitraries.integers().between(0, USERS.size()),
                Arbitraries.integers().between(0, 12)).as(UpdateSpec::new);
        return Combinators.combine(lead.list().ofMaxSize(40), update.list().ofMaxSize(15)).as(Scenario::new);
    }

    @Provide
    Arbitrary<LeadCriteria> criteria() {
        Arbitrary<Set<StatusKey>> statuses = Arbitraries.of(STATUSES).set().ofMaxSize(3);
        Arbitrary<Set<UserId>> assignees = Arbitraries.of(USERS).set().ofMaxSize(2);
        Arbitrary<Boolean> unassigned = Arbitraries.of(false, true);
        Arbitrary<String> text = Arbitraries.of("an", "BEN", "mail", "acme", "ärger", "zzz").injectNull(0.6);
        Arbitrary<Map<ContactField, String>> fields = Arbitraries.of(
                Map.<ContactField, String>of(), Map.<ContactField, String>of(),
                Map.of(ContactField.CITY, " berlin "), Map.of(ContactField.COMPANY, "ACME"));
        Arbitrary<Set<MarketingActionId>> sources = Arbitraries.of(ACTIONS).set().ofMaxSize(1);
        Arbitrary<Instant> bound = Arbitraries.integers().between(0, 9)
                .map(SearchAgreesWithReferenceTest::minute).injectNull(0.7);
        Arbitrary<Boolean> openFollowUp = Arbitraries.of(true, false).injectNull(0.7);

        Arbitrary<LeadCriteria> owner = Combinators.combine(statuses, assignees, unassigned, text, fields, sources)
                .as((s, a, u, t, f, src) -> new LeadCriteria(s, a, u, t, f, src, null, null, null, null, null, null,
                        null));
        return Combinators.combine(owner, bound, bound, bound, bound, openFollowUp, bound)
                .as((c, createdFrom, createdTo, activityFrom, activityTo, open, dueBefore) -> new LeadCriteria(
                        c.statuses(), c.assignees(), c.unassigned(), c.text(), c.fields(), c.sources(), createdFrom,
                        createdTo, activityFrom, activityTo, open, dueBefore, null));
    }

    @Provide
    Arbitrary<LeadSort> sorts() {
        return Combinators.combine(Arbitraries.of(SortField.class), Arbitraries.of(true, false)).as(LeadSort::new);
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(1, 7);
    }
}
