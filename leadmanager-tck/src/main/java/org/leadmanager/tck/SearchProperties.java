package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.spi.store.LeadStore;

/**
 * Property-based contract (jqwik): on random leads (with ties in every sort key, mixed case and non-ASCII names)
 * random criteria, sorts and page sizes find exactly what the reference semantics find
 * ({@link LeadCriteria#matches}, {@link LeadOrdering}), page by page, and count per status what they list. Since
 * every store must agree with the reference, all stores agree with each other.
 */
public abstract class SearchProperties {
    /** With a name that grows when lower-cased ('İ' becomes "i̇", i and a combining dot). */
    private static final String[] NAMES = {"Anna Schmidt", "anna schmidt", "Bernd Müller", "Émile Zola", "Zoë Lee",
        "Clara", "\u0130lker \u0130nce"};
    private static final String[] EMAILS = {null, "x@schmidt.example", "anna@example.org"};
    private static final String[] COMPANIES = {null, "Schmidt & Söhne", "ACME"};
    private static final String[] CITIES = {null, "Berlin", "berlin", "Hamburg"};
    private static final String[] TEXTS = {"schmidt", "ANNA", "ü", "é", "acme", "zz", "i\u0307", "\u0130L"};

    /** The store under test; called once per try. May return a shared store: every try has its own tenant. */
    protected abstract LeadStore store();

    /** How one lead is made: card parts, status, owner, source, follow-up and minutes after the previous lead. */
    record LeadSpec(int name, int email, int company, int city, int status, int assignee, int gap, int extras) {
    }

    /** What is asked: filters, ranges (indexes into the creation times), sort and page size. */
    record QuerySpec(Filters filters, Ranges ranges, int sort, boolean descending, int limit) {
    }

    record Filters(int statusMask, int assigneeMask, int text, int city, int source, int followUp) {
    }

    record Ranges(int createdFrom, int createdTo, int activityFrom, int activityTo) {
    }

    @Property(tries = 50)
    void randomCriteriaFindWhatTheReferenceSemanticsFind(@ForAll("leadSpecs") List<LeadSpec> specs,
            @ForAll("querySpecs") List<QuerySpec> queries) {
        TckFixture fx = TckFixture.create(store());
        LeadManager lm = fx.lm;
        Actor manager = fx.manager;
        Project project = fx.projectWithTeam("Search", fx.alice, fx.bob);
        MarketingAction action = lm.qualification().createAction(manager, "Mailing", Set.of(project.id()));
        MarketingAction otherAction = lm.qualification().createAction(manager, "Other", Set.of(project.id()));
        List<StatusKey> statuses = project.statusOrder();
        UserId[] owners = {fx.alice, fx.bob, fx.carol, null};
        List<Instant> times = new ArrayList<>();
        List<LeadId> ids = new ArrayList<>();
        for (LeadSpec s : specs) {
            fx.clock.advance(Duration.ofMinutes(s.gap()));
            times.add(fx.clock.instant());
            ContactCard card = new ContactCard(NAMES[s.name()], EMAILS[s.email()], null, COMPANIES[s.company()],
                    CITIES[s.city()], null);
            var contact = fx.contact(card);
            Lead lead = (s.extras() & 1) == 1
                    ? lm.qualification().actionResponse(fx.system(), action.id(), contact).get(0).lead()
                    : lm.qualification().qualify(manager, project.id(), contact).lead();
            StatusKey status = statuses.get(s.status());
            if (project.findStatus(status).orElseThrow().category() == StatusCategory.LOST) {
                lm.leads().disqualify(manager, lead.id(), status, "random");
            } else {
                lm.leads().changeStatus(manager, lead.id(), status);
            }
            if (owners[s.assignee()] != null) {
                lm.leads().assign(manager, lead.id(), owners[s.assignee()]);
            }
            int followUp = (s.extras() >> 1) & 3;
            if (followUp > 0) {
                lm.followUps().schedule(manager, lead.id(),
                        fx.clock.instant().plus(Duration.ofHours(followUp == 1 ? 1 : 24)), "call");
            }
            ids.add(lead.id());
        }
        lm.projects().reorderStatuses(manager, project.id(), List.of(StatusKey.of("offer"), StatusKey.of("lost"),
                StatusKey.of("new"), StatusKey.of("won"), StatusKey.of("contacted")));
        List<StatusKey> order = lm.projects().get(manager, project.id()).statusOrder();
        List<Lead> all = ids.stream().map(fx::reload).toList();

        for (QuerySpec q : queries) {
            LeadCriteria criteria = criteria(q, statuses, owners, times, action, otherAction, fx.clock.instant());
            LeadSort sort = new LeadSort(SortField.values()[q.sort()], q.descending());
            List<LeadId> expected = all.stream().filter(criteria::matches).sorted(new LeadOrdering(sort, order))
                    .map(Lead::id).toList();
            assertEquals(expected, pageThrough(lm, manager, project, criteria, sort, q.limit()),
                    sort + " limit " + q.limit() + " " + criteria);
            Map<StatusKey, Long> counted = new LinkedHashMap<>();
            order.forEach(k -> counted.put(k, 0L));
            all.stream().filter(criteria::matches).forEach(l -> counted.merge(l.status(), 1L, Long::sum));
            assertEquals(counted, lm.search().countByStatus(manager, project.id(), criteria).byStatus(),
                    "counts for " + criteria);
        }
    }

    private static LeadCriteria criteria(QuerySpec q, List<StatusKey> statuses, UserId[] owners, List<Instant> times,
            MarketingAction action, MarketingAction otherAction, Instant now) {
        Filters f = q.filters();
        Set<StatusKey> ticked = new HashSet<>();
        for (int i = 0; i < statuses.size(); i++) {
            if ((f.statusMask() >> i & 1) == 1) {
                ticked.add(statuses.get(i));
            }
        }
        List<UserId> assignees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if ((f.assigneeMask() >> i & 1) == 1) {
                assignees.add(owners[i]);
            }
        }
        LeadCriteria c = LeadCriteria.all().withStatuses(ticked).withAssignees(assignees.toArray(UserId[]::new))
                .withUnassigned((f.assigneeMask() & 8) == 8)
                .withText(f.text() < TEXTS.length ? TEXTS[f.text()] : null);
        if (f.city() < CITIES.length && CITIES[f.city()] != null) {
            c = c.withField(ContactField.CITY, CITIES[f.city()]);
        }
        if (f.source() == 1) {
            c = c.withSources(action.id());
        } else if (f.source() == 2) {
            c = c.withSources(action.id(), otherAction.id());
        }
        c = switch (f.followUp()) {
            case 1 -> c.withOpenFollowUp(true);
            case 2 -> c.withOpenFollowUp(false);
            case 3 -> c.withFollowUpDueBefore(now.plus(Duration.ofHours(2)));
            default -> c;
        };
        Ranges r = q.ranges();
        Instant[] created = ordered(at(times, r.createdFrom()), at(times, r.createdTo()));
        Instant[] activity = ordered(at(times, r.activityFrom()), at(times, r.activityTo()));
        return c.withCreated(created[0], created[1]).withLastActivity(activity[0], activity[1]);
    }

    private static Instant at(List<Instant> times, int index) {
        return times.isEmpty() || index % 4 == 0 ? null : times.get(index % times.size());
    }

    private static Instant[] ordered(Instant a, Instant b) {
        return a != null && b != null && a.isAfter(b) ? new Instant[] {b, a} : new Instant[] {a, b};
    }

    private static List<LeadId> pageThrough(LeadManager lm, Actor actor, Project project, LeadCriteria criteria,
            LeadSort sort, int limit) {
        List<LeadId> found = new ArrayList<>();
        LeadQuery query = new LeadQuery(project.id(), criteria, sort, limit, null);
        for (int pages = 0; pages < 200; pages++) {
            LeadPage page = lm.search().find(actor, query);
            page.leads().forEach(l -> found.add(l.id()));
            if (!page.hasNext()) {
                return found;
            }
            query = query.after(page.nextCursor());
        }
        throw new AssertionError("paging does not end: " + Arrays.toString(found.toArray()));
    }

    @Provide
    Arbitrary<List<LeadSpec>> leadSpecs() {
        return Combinators.combine(
                Arbitraries.integers().between(0, NAMES.length - 1),
                Arbitraries.integers().between(0, EMAILS.length - 1),
                Arbitraries.integers().between(0, COMPANIES.length - 1),
                Arbitraries.integers().between(0, CITIES.length - 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 7)).as(LeadSpec::new).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<QuerySpec>> querySpecs() {
        Arbitrary<Filters> filters = Combinators.combine(
                Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, TEXTS.length + 2),
                Arbitraries.integers().between(0, CITIES.length + 1),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4)).as(Filters::new);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 40);
        Arbitrary<Ranges> ranges = Combinators.combine(index, index, index, index).as(Ranges::new);
        return Combinators.combine(filters, ranges, Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 7)).as(QuerySpec::new).list().ofMinSize(1).ofMaxSize(6);
    }
}
