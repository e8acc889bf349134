package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.Projects;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.Times;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.spi.store.LeadStore;

/**
 * Property-based contract (jqwik): every public method that takes text, instants, durations or cursors is driven with
 * hostile values — every Unicode plane, NUL, lone surrogates, non-characters, combining and case-expanding
 * characters, lengths at and past every limit, {@code Instant.MIN/MAX}, tampered cursors. Each outcome is compared
 * with what the documented rules predict, so every store must give the same one: either the call succeeds and reads
 * back what the rules say, or it throws a {@link ValidationException} at the predicted path, and then the tenant is
 * unchanged. No other exception may leave the API. {@link LeadManagerContract} runs it as the {@code @Group}
 * {@code HostileInput}.
 */
public abstract class HostileInputProperties {
    /** How far ahead a follow-up may be due, as documented: 100 years of 366 days. */
    private static final Duration HUNDRED_YEARS = Duration.ofDays(36_600);

    /** The store under test; called once per try. May return a shared store: every try has its own tenant. */
    protected abstract LeadStore store();

    /** Where a hostile text goes. */
    enum TextTarget {
        PROJECT_NAME, RENAME, STATUS_LABEL, NOTE, DISQUALIFY_REASON, FOLLOW_UP_NOTE, SAVED_SEARCH_NAME, ACTION_NAME,
        SEARCH_TEXT, FIELD_CRITERION, TENANT_ID, CONTACT_ID, CARD_NAME, CARD_CITY
    }

    /** Where a hostile instant goes. */
    enum TimeTarget {
        CREATED_FROM, CREATED_TO, ACTIVITY_FROM, ACTIVITY_TO, FOLLOW_UP_DUE_BEFORE, RESPONSE_DUE_BEFORE, DUE_AT,
        RESCHEDULE
    }

    @Property(tries = 120)
    void hostileTextIsRefusedOrKeptAsTheRulesSay(@ForAll("texts") String text, @ForAll TextTarget target) {
        World w = new World(TckFixture.create(store()));
        switch (target) {
            case PROJECT_NAME -> w.text(text, "command.name", Text.MAX_NAME,
                    () -> w.lm().projects().create(w.manager(), new Projects.Create(text, ProjectKind.PROJECT,
                            TckFixture.standardStatuses(), TckFixture.NEW)).name());
            case RENAME -> w.text(text, "name", Text.MAX_NAME,
                    () -> w.lm().projects().rename(w.manager(), w.project.id(), text).name());
            case STATUS_LABEL -> w.text(text, "label", Text.MAX_NAME,
                    () -> w.lm().projects().relabelStatus(w.manager(), w.project.id(), TckFixture.NEW, text)
                            .findStatus(TckFixture.NEW).orElseThrow().label());
            case NOTE -> w.text(text, "text", Text.MAX_NOTE,
                    () -> w.lm().leads().addNote(w.manager(), w.lead.id(), text).text());
            case DISQUALIFY_REASON -> w.text(text, "reason", Text.MAX_NOTE,
                    () -> w.lm().leads().disqualify(w.manager(), w.lead.id(), text).lostReason());
            case FOLLOW_UP_NOTE -> w.text(text, "note", Text.MAX_NOTE,
                    () -> w.lm().followUps().schedule(w.manager(), w.lead.id(),
                            w.fx.clock.instant().plus(Duration.ofDays(1)), text).note());
            case SAVED_SEARCH_NAME -> w.text(text, "name", Text.MAX_NAME,
                    () -> w.lm().search().save(w.manager(), text, w.project.id(), LeadCriteria.all(),
                            LeadSort.byLastActivity()).name());
            case ACTION_NAME -> w.text(text, "name", Text.MAX_NAME,
                    () -> w.lm().qualification().createAction(w.manager(), text, Set.of(w.project.id())).name());
            case SEARCH_TEXT -> w.search(text, "query.criteria.text", false,
                    () -> LeadCriteria.all().withText(text));
            case FIELD_CRITERION -> w.search(text, "query.criteria.fields[CITY]", true,
                    () -> LeadCriteria.all().withField(ContactField.CITY, text));
            case TENANT_ID -> w.value(text, "TenantId", 64, () -> {
                Actor stranger = Actor.manager(TenantId.of(text), w.fx.mia);
                return w.lm().projects().list(stranger).size() + " projects";
            }, "0 projects");
            case CONTACT_ID -> w.value(text, "ContactId", 64,
                    () -> w.lm().qualification().qualify(w.manager(), w.project.id(), ContactId.of(text))
                            .lead().id().toString(), null);
            case CARD_NAME -> w.card(text, true);
            case CARD_CITY -> w.card(text, false);
        }
    }

    @Property(tries = 60)
    void hostileInstantsAreRefusedOrHonoured(@ForAll("instants") Instant instant, @ForAll TimeTarget target) {
        World w = new World(TckFixture.create(store()));
        switch (target) {
            case CREATED_FROM -> w.criteriaTime(instant, "createdFrom", LeadCriteria.all().withCreated(instant, null));
            case CREATED_TO -> w.criteriaTime(instant, "createdTo", LeadCriteria.all().withCreated(null, instant));
            case ACTIVITY_FROM -> w.criteriaTime(instant, "activityFrom",
                    LeadCriteria.all().withLastActivity(instant, null));
            case ACTIVITY_TO -> w.criteriaTime(instant, "activityTo",
                    LeadCriteria.all().withLastActivity(null, instant));
            case FOLLOW_UP_DUE_BEFORE -> w.criteriaTime(instant, "followUpDueBefore",
                    LeadCriteria.all().withFollowUpDueBefore(instant));
            case RESPONSE_DUE_BEFORE -> w.criteriaTime(instant, "responseDueBefore",
                    LeadCriteria.all().withResponseDueBefore(instant));
            case DUE_AT -> w.dueTime(instant, "dueAt", () -> w.lm().followUps().schedule(w.manager(), w.lead.id(),
                    instant, "call"));
            case RESCHEDULE -> w.dueTime(instant, "dueAt",
                    () -> w.lm().followUps().reschedule(w.manager(), w.followUp.id(), instant));
        }
    }

    @Property(tries = 40)
    void hostileDurationsAreRefusedOrHonoured(@ForAll("durations") Duration by) {
        World w = new World(TckFixture.create(store()));
        Instant now = w.fx.clock.instant();
        // a snooze of (0, 100 years], whose result is at most 100 years ahead, as for a new follow-up
        boolean valid = by.compareTo(Duration.ZERO) > 0 && by.compareTo(HUNDRED_YEARS) <= 0
                && !later(now, w.followUp.dueAt()).plus(by).truncatedTo(ChronoUnit.MICROS)
                        .isAfter(now.plus(HUNDRED_YEARS));
        String expected = valid
                ? "ok " + later(now, w.followUp.dueAt()).plus(by).truncatedTo(ChronoUnit.MICROS)
                : "refused " + Set.of("by");
        w.expect(expected, () -> w.lm().followUps().snooze(w.manager(), w.followUp.id(), by).dueAt().toString());
    }

    @Property(tries = 80)
    void tamperedCursorsAreRefusedOrPageAsTheirPositionSays(@ForAll("cursors") Crafted cursor) {
        World w = new World(TckFixture.create(store()));
        LeadSort sort = cursor.sort();
        String expected;
        if (cursor.keyset() == null) {
            expected = "refused " + Set.of("query.cursor");
        } else {
            LeadOrdering ordering = new LeadOrdering(sort, w.project.statusOrder());
            expected = "ok " + w.leads.stream().filter(l -> ordering.isAfter(l, cursor.keyset()))
                    .sorted(ordering).limit(3).map(l -> l.card().name()).toList();
        }
        w.expect(expected, () -> {
            LeadPage page = w.lm().search().find(w.manager(), new LeadQuery(w.project.id(), LeadCriteria.all(),
                    sort, 3, cursor.text()));
            return page.leads().stream().map(l -> l.card().name()).toList().toString();
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- the world of one try

    /** A tenant with a project, leads with names that fold in unusual ways, a note, a follow-up. */
    private static final class World {
        final TckFixture fx;
        final Project project;
        final List<Lead> leads = new ArrayList<>();
        final Lead lead;
        final FollowUp followUp;

        World(TckFixture fx) {
            this.fx = fx;
            this.project = fx.project("Hostile");
            List<ContactId> contacts = new ArrayList<>();
            String[][] people = {{"Petra Berg", "Berlin"}, {"Jürgen Müller", "München"}, {"José Álvarez", "Köln"},
                {"İlkay Straße", "İzmir"}, {"ǅemal ß", "STRASSE"}, {"Zoë \uD83D\uDE00", "Ünye"}};
            for (String[] person : people) {
                contacts.add(fx.contact(new ContactCard(person[0], null, null, "Bau " + person[1], person[1], null)));
                fx.clock.advance(Duration.ofMinutes(1));
            }
            fx.lm.qualification().qualifyAll(fx.manager, project.id(), contacts);
            this.leads.addAll(TenantSnapshot.allLeads(fx.lm, fx.manager, project));
            this.lead = leads.get(0);
            this.followUp = fx.lm.followUps().schedule(fx.manager, lead.id(),
                    fx.clock.instant().plus(Duration.ofHours(2)), "call back");
            leads.replaceAll(l -> fx.reload(l.id()));
        }

        org.leadmanager.LeadManager lm() {
            return fx.lm;
        }

        Actor manager() {
            return fx.manager;
        }

        /** Text through the API edge: refused where it breaks a rule, else stored stripped. */
        void text(String text, String path, int max, Supplier<String> call) {
            value(text, path, max, call, text.strip());
        }

        /**
         * Text with a rule: {@code Characters} first, then blank, then too long; else the call
         * succeeds and returns {@code readBack} (null: any success).
         */
        void value(String text, String path, int max, Supplier<String> call, String readBack) {
            // blank as Java's String.isBlank says (white space only), the rule of NotBlank and Text.required
            boolean refused = Text.firstForbidden(text) >= 0
                    || text.isBlank()
                    || text.length() > max;
            if (refused) {
                expect("refused " + Set.of(path), call);
            } else if (readBack == null) {
                String outcome = outcome(call);
                if (outcome.startsWith("refused [")) {
                    fail("valid input must not be refused as invalid: " + outcome);
                }
            } else {
                expect("ok " + readBack, call);
            }
        }

        /**
         * A search text (blank means any) or a field value (blank is refused): refused by the rules, else the page
         * the reference semantics give.
         */
        void search(String text, String path, boolean field, Supplier<LeadCriteria> criteria) {
            boolean refused = Text.firstForbidden(text) >= 0
                    || text.strip().length() > (field ? Text.MAX_NOTE : Text.MAX_NAME)
                    || field && text.isBlank();
            if (refused) {
                expect("refused " + Set.of(path), () -> page(criteria.get()));
            } else {
                LeadCriteria c = criteria.get();
                expect("ok " + expectedPage(c), () -> page(c));
            }
        }

        /** An instant in search criteria: refused outside the supported range, else honoured. */
        void criteriaTime(Instant instant, String component, LeadCriteria criteria) {
            // criteria keep instants to the microsecond, and that is what must lie in the supported range
            if (!Times.supported(instant.truncatedTo(ChronoUnit.MICROS))) {
                expect("refused " + Set.of("query.criteria." + component), () -> page(criteria));
            } else {
                expect("ok " + expectedPage(criteria), () -> page(criteria));
            }
        }

        /** A due time: refused before now or more than 100 years ahead, else kept to the microsecond. */
        void dueTime(Instant instant, String path, Supplier<FollowUp> call) {
            Instant now = fx.clock.instant();
            Instant due = instant.truncatedTo(ChronoUnit.MICROS);
            boolean valid = !due.isBefore(now) && !due.isAfter(now.plus(HUNDRED_YEARS));
            expect(valid ? "ok " + due : "refused " + Set.of(path), () -> call.get().dueAt().toString());
        }

        /** A host card field: cleaned, never refused by the API; a card that cannot be built is the host's. */
        void card(String text, boolean name) {
            ContactCard card;
            try {
                card = name ? ContactCard.named(text) : new ContactCard("Card Holder", null, null, null, text, null);
            } catch (ValidationException e) {
                String path = name ? "ContactCard.name" : "ContactCard.city";
                assertEquals(Set.of(path), paths(e), e.getMessage());
                return;
            }
            String clean = Text.clean(text);
            String expected = name || !clean.isBlank() ? clean.strip() : null;
            assertEquals(expected, name ? card.name() : card.city(), "host text is cleaned and trimmed");
            ContactId contact = fx.contact(card);
            Lead qualified = lm().qualification().qualify(manager(), project.id(), contact).lead();
            assertEquals(card, fx.reload(qualified.id()).card(), "the cleaned card is stored as it is");
            assertEquals(card, lm().leads().refreshCard(manager(), qualified.id()).card());
            String search = name ? card.name() : null;
            if (search != null && search.length() <= Text.MAX_NAME) {
                LeadCriteria byName = LeadCriteria.all().withText(search);
                assertEquals(expectedPage(byName, true), page(byName, true), "search by the stored name");
            }
        }

        String page(LeadCriteria criteria) {
            return page(criteria, false);
        }

        private String page(LeadCriteria criteria, boolean all) {
            List<String> names = new ArrayList<>();
            LeadQuery query = new LeadQuery(project.id(), criteria, LeadSort.ascending(SortField.CREATED), 500, null);
            names.addAll(lm().search().find(manager(), query).leads().stream().map(l -> l.card().name()).toList());
            return all ? new TreeSet<>(names).toString() : names.toString();
        }

        String expectedPage(LeadCriteria criteria) {
            return expectedPage(criteria, false);
        }

        private String expectedPage(LeadCriteria criteria, boolean all) {
            List<Lead> current = TenantSnapshot.allLeads(lm(), manager(), project);
            List<String> names = current.stream().filter(criteria::matches)
                    .sorted(new LeadOrdering(LeadSort.ascending(SortField.CREATED), project.statusOrder()))
                    .map(l -> l.card().name()).toList();
            return all ? new TreeSet<>(names).toString() : names.toString();
        }

        /** Runs the call and compares its outcome; a refused call must have changed nothing. */
        void expect(String expected, Supplier<String> call) {
            assertEquals(expected, outcome(call));
        }

        String outcome(Supplier<String> call) {
            TenantSnapshot before = fx.snapshot();
            try {
                return "ok " + call.get();
            } catch (ValidationException e) {
                assertEquals(before, fx.snapshot(), "a refused call must change nothing: " + e.getMessage());
                return "refused " + paths(e);
            } catch (LeadManagerException e) {
                assertEquals(before, fx.snapshot(), "a refused call must change nothing: " + e.getMessage());
                return "refused " + e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                fail("only LeadManagerException subtypes may leave the API, got " + e, e);
                throw e;
            }
        }

        private static Set<String> paths(ValidationException e) {
            return new TreeSet<>(e.violations().stream().map(ValidationException.Violation::path).toList());
        }
    }

    // ---- hostile values

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> hostileChar = Arbitraries.of("\u0000", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF", "\uFDD0",
                "\uD83F\uDFFF", "\u0130", "\u1E9E", "\uFB03", "\u0301", "\u00DF", "\u0149", "\u01C5", "\u2003",
                "\u0001", "\t", " ", "\n", "\uD83D\uDE00", "\uDBFF\uDFFD", "a", "Z", "ä", "é", "\uFFFD");
        Arbitrary<String> mixed = Arbitraries.oneOf(hostileChar, Arbitraries.strings().all().ofLength(1))
                .list().ofMinSize(0).ofMaxSize(12).map(parts -> String.join("", parts));
        Arbitrary<String> atLimits = Combinators.combine(Arbitraries.of(63, 64, 65, 199, 200, 201, 9_999, 10_000,
                10_001), Arbitraries.of("n", "\u0130", " ", "\u00DF", "\uD83D\uDE00"))
                .as((n, unit) -> unit.repeat(n).substring(0, Math.min(n, unit.length() * n)));
        Arbitrary<String> padded = mixed.map(s -> "  " + s + "  ");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, mixed), net.jqwik.api.Tuple.of(2, atLimits),
                net.jqwik.api.Tuple.of(1, padded), net.jqwik.api.Tuple.of(1, Arbitraries.strings().all()
                        .ofMaxLength(30)));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Instant start = MutableClock.START;
        return Arbitraries.oneOf(
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Times.EARLIEST, Times.LATEST,
                        Times.EARLIEST.minusNanos(1), Times.LATEST.plusNanos(1),
                        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59Z"),
                        start, start.minusNanos(1), start.plusNanos(999), start.plus(HUNDRED_YEARS),
                        start.plus(HUNDRED_YEARS).plusNanos(1000)),
                Arbitraries.longs().between(-3_600_000L, 3_600_000L).map(s -> start.plusSeconds(s)),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(Instant::ofEpochSecond));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1), HUNDRED_YEARS,
                        HUNDRED_YEARS.plusNanos(1), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                        Duration.ofSeconds(Long.MIN_VALUE)),
                Arbitraries.longs().between(-1_000_000L, 4_000_000_000L).map(Duration::ofSeconds));
    }

    /** A cursor and, when its content is valid, the position it carries (null: it must be refused). */
    record Crafted(String text, LeadSort sort, Keyset keyset) {
        @Override
        public String toString() {
            return sort + " " + keyset + " " + text;
        }
    }

    @Provide
    Arbitrary<Crafted> cursors() {
        Arbitrary<LeadSort> sorts = Arbitraries.of(SortField.values()).flatMap(f -> Arbitraries.of(
                LeadSort.ascending(f), LeadSort.descending(f)));
        Arbitrary<java.util.UUID> ids = Arbitraries.oneOf(Arbitraries.just(new java.util.UUID(0, 0)),
                Arbitraries.just(new java.util.UUID(-1, -1)), Arbitraries.create(java.util.UUID::randomUUID));
        Arbitrary<Object> values = Arbitraries.oneOf(instants().map(i -> (Object) i),
                texts().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i));
        Arbitrary<Crafted> crafted = Combinators.combine(sorts, ids, values).as(HostileInputProperties::craft);
        Arbitrary<Crafted> garbage = Combinators.combine(sorts, Arbitraries.strings().all().ofMaxLength(60))
                .as((sort, junk) -> new Crafted(junk, sort, null));
        Arbitrary<Crafted> tooLong = sorts.map(sort -> new Crafted("A".repeat(1001), sort, null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, crafted), net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(1, tooLong));
    }

    private static Crafted craft(LeadSort sort, java.util.UUID id, Object value) {
        String prefix = "c1|" + sort.field() + "|" + (sort.descending() ? "D" : "A") + "|" + id + "|";
        String typed;
        if (value instanceof Instant instant) {
            typed = "I|" + instant.getEpochSecond() + "." + instant.getNano();
        } else if (value instanceof Integer position) {
            typed = "N|" + position;
        } else {
            typed = "S|" + value;
        }
        byte[] bytes = (prefix + typed).getBytes(StandardCharsets.UTF_8);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // what the library decodes: a lone surrogate does not survive UTF-8 and arrives as '?'
        Object carried = value instanceof String
                ? new String(bytes, StandardCharsets.UTF_8).substring(prefix.length() + 2) : value;
        boolean fits;
        if (carried instanceof Instant instant) {
            fits = (sort.field() == SortField.LAST_ACTIVITY || sort.field() == SortField.CREATED)
                    && Times.supported(instant) && instant.getNano() % 1000 == 0;
        } else if (carried instanceof Integer) {
            fits = sort.field() == SortField.STATUS_ORDER;
        } else {
            fits = sort.field() == SortField.NAME && Text.firstForbidden((String) carried) < 0;
        }
        boolean valid = fits && text.length() <= 1000;
        return new Crafted(text, sort, valid ? new Keyset(carried, new org.leadmanager.domain.LeadId(id)) : null);
    }
}
