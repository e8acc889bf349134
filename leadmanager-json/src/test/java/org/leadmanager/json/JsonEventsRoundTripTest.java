package org.leadmanager.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.Times;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.DomainEvent.ContactCardRefreshed;
import org.leadmanager.domain.event.DomainEvent.FollowUpCancelled;
import org.leadmanager.domain.event.DomainEvent.FollowUpCompleted;
import org.leadmanager.domain.event.DomainEvent.FirstResponseBreached;
import org.leadmanager.domain.event.DomainEvent.FollowUpDue;
import org.leadmanager.domain.event.DomainEvent.FollowUpRescheduled;
import org.leadmanager.domain.event.DomainEvent.FollowUpScheduled;
import org.leadmanager.domain.event.DomainEvent.LeadAssigned;
import org.leadmanager.domain.event.DomainEvent.LeadConverted;
import org.leadmanager.domain.event.DomainEvent.LeadDisqualified;
import org.leadmanager.domain.event.DomainEvent.LeadMovedToContact;
import org.leadmanager.domain.event.DomainEvent.LeadQualified;
import org.leadmanager.domain.event.DomainEvent.LeadStatusChanged;
import org.leadmanager.domain.event.DomainEvent.LeadErased;
import org.leadmanager.domain.event.DomainEvent.LeadsMerged;
import org.leadmanager.domain.event.DomainEvent.NoteAdded;
import org.leadmanager.domain.event.DomainEvent.NoteDeleted;
import org.leadmanager.domain.event.DomainEvent.NoteEdited;
import org.leadmanager.domain.event.DomainEvent.ProjectChanged;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.StatusKey;

/** Every event the library can build reads back equal from its JSON, whatever its ids, texts and times. */
class JsonEventsRoundTripTest {
    private final JsonEvents json = JsonEvents.create();

    @Property(tries = 500)
    void everyEnvelopeRoundTrips(@ForAll("envelopes") EventEnvelope envelope) {
        String text = json.serialize(envelope);
        assertEquals(envelope, json.deserialize(text));
        assertEquals(text, json.serialize(json.deserialize(text)), "writing what was read gives the same text");
    }

    @Provide
    Arbitrary<EventEnvelope> envelopes() {
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), hostIds().map(TenantId::of), users(),
                instants(), events()).as(EventEnvelope::new);
    }

    private Arbitrary<DomainEvent> events() {
        Arbitrary<LeadId> lead = Arbitraries.create(() -> new LeadId(UUID.randomUUID()));
        Arbitrary<ProjectId> project = Arbitraries.create(() -> new ProjectId(UUID.randomUUID()));
        Arbitrary<NoteId> note = Arbitraries.create(() -> new NoteId(UUID.randomUUID()));
        Arbitrary<FollowUpId> followUp = Arbitraries.create(() -> new FollowUpId(UUID.randomUUID()));
        Arbitrary<ContactId> contact = hostIds().map(ContactId::of);
        Arbitrary<UserId> user = users();
        Arbitrary<UserId> userOrNull = users().injectNull(0.3);
        Arbitrary<StatusKey> status = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_')
                .ofMinLength(1).ofMaxLength(40).filter(s -> Character.isLetter(s.charAt(0))).map(StatusKey::of);
        return Arbitraries.oneOf(
                Combinators.combine(project, text()).as(ProjectChanged::new),
                Combinators.combine(lead, project, contact, origins(), userOrNull).as(LeadQualified::new),
                Combinators.combine(lead, project, userOrNull, userOrNull, reasons()).as(LeadAssigned::new),
                Combinators.combine(lead, project, status, status).as(LeadStatusChanged::new),
                Combinators.combine(lead, project, status).as(LeadConverted::new),
                Combinators.combine(lead, project, status, text().injectNull(0.2)).as(LeadDisqualified::new),
                Combinators.combine(lead, note).as(NoteAdded::new),
                Combinators.combine(lead, note).as(NoteEdited::new),
                Combinators.combine(lead, note).as(NoteDeleted::new),
                Combinators.combine(lead, contact).as(ContactCardRefreshed::new),
                Combinators.combine(lead, contact, contact).as(LeadMovedToContact::new),
                Combinators.combine(lead, lead, project).as(LeadsMerged::new),
                Combinators.combine(followUp, lead, user, instants()).as(FollowUpScheduled::new),
                Combinators.combine(followUp, lead, instants()).as(FollowUpRescheduled::new),
                Combinators.combine(followUp, lead).as(FollowUpCompleted::new),
                Combinators.combine(followUp, lead).as(FollowUpCancelled::new),
                Combinators.combine(followUp, lead, user, instants()).as(FollowUpDue::new),
                Combinators.combine(lead, project, userOrNull, user, instants()).as(FirstResponseBreached::new),
                Combinators.combine(lead, project, contact, Arbitraries.of(ErasureReason.class)).as(LeadErased::new));
    }

    private Arbitrary<Origin> origins() {
        return Arbitraries.oneOf(
                users().map(Origin::manual),
                Combinators.combine(hostIds().map(ContactGroupId::of), users()).as(Origin::group),
                Combinators.combine(Arbitraries.create(() -> new MarketingActionId(UUID.randomUUID())), users())
                        .as(Origin::action));
    }

    private Arbitrary<OwnerReason> reasons() {
        return Combinators.combine(Arbitraries.of(OwnerReasonKind.class), text().injectNull(0.5), users())
                .as(OwnerReason::new);
    }

    /** Host ids: any text a host may use, letters of other scripts and symbols included. */
    private static Arbitrary<String> hostIds() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank() && Text.firstForbidden(s) < 0);
    }

    private static Arbitrary<UserId> users() {
        return hostIds().map(UserId::of);
    }

    /** Text the API accepts: any well-formed Unicode without NUL and non-characters, quotes and controls included. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(200).filter(s -> Text.firstForbidden(s) < 0);
    }

    private static Arbitrary<Instant> instants() {
        long from = Times.EARLIEST.getEpochSecond();
        long to = Times.LATEST.getEpochSecond();
        return Combinators.combine(Arbitraries.longs().between(from, to), Arbitraries.integers().between(0, 999_999))
                .as((s, micros) -> Instant.ofEpochSecond(s).plus(micros, ChronoUnit.MICROS));
    }
}
