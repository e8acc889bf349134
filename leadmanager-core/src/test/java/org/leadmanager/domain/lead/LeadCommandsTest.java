package org.leadmanager.domain.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.domain.DomainFixture.ALICE;
import static org.leadmanager.domain.DomainFixture.BOB;
import static org.leadmanager.domain.DomainFixture.CONTACTED;
import static org.leadmanager.domain.DomainFixture.LOST;
import static org.leadmanager.domain.DomainFixture.MIA;
import static org.leadmanager.domain.DomainFixture.NEW;
import static org.leadmanager.domain.DomainFixture.OFFER;
import static org.leadmanager.domain.DomainFixture.SPAM;
import static org.leadmanager.domain.DomainFixture.T0;
import static org.leadmanager.domain.DomainFixture.WON;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;

/** The lead's own rules for status, owner, card and contact, and the events each change causes. */
class LeadCommandsTest {
    private static final Instant LATER = T0.plusSeconds(60);

    private final Project project = DomainFixture.project();
    private final Lead lead = DomainFixture.lead(project);

    private Changed<Lead> move(Lead from, Project in, StatusKey to, StatusCategory category, String reason) {
        return LeadChanges.moveTo(from, in, to, category, reason, LATER);
    }

    private static String code(ValidationException e) {
        return e.violations().get(0).code();
    }

    @Test
    void aPlainChangeMovesTheLeadAndSaysFromWhereToWhere() {
        Changed<Lead> change = move(lead, project, CONTACTED, null, null);

        assertEquals(CONTACTED, change.state().status());
        assertEquals(LATER, change.state().lastActivityAt());
        assertEquals(List.of(new DomainEvent.LeadStatusChanged(lead.id(), project.id(), NEW, CONTACTED)),
                change.events());
    }

    @Test
    void movingToTheCurrentStatusChangesNothing() {
        Changed<Lead> change = move(lead, project, NEW, null, null);

        assertFalse(change.changed());
        assertSame(lead, change.state());
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheKnownOnes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> move(lead, project, StatusKey.of("nope"), null, null));

        assertEquals("UnknownStatus", code(e));
        assertTrue(e.getMessage().contains("contacted"), e.getMessage());
    }

    @Test
    void aPlainChangeCannotReachALostStatus() {
        ValidationException e = assertThrows(ValidationException.class, () -> move(lead, project, LOST, null, null));

        assertEquals("LostReasonRequired", code(e));
    }

    @Test
    void disqualifyingNeedsAReason() {
        assertEquals("NotBlank", code(assertThrows(ValidationException.class,
                () -> move(lead, project, LOST, StatusCategory.LOST, "  "))));
        assertEquals("NotBlank", code(assertThrows(ValidationException.class,
                () -> move(lead, project, LOST, StatusCategory.LOST, null))));
    }

    @Test
    void convertingNeedsAWonStatusAndDisqualifyingALostOne() {
        assertEquals("StatusCategory", code(assertThrows(ValidationException.class,
                () -> move(lead, project, CONTACTED, StatusCategory.WON, null))));
        assertEquals("StatusCategory", code(assertThrows(ValidationException.class,
                () -> move(lead, project, WON, StatusCategory.LOST, "why"))));
    }

    @Test
    void withoutAStatusTheFirstOfTheCategoryIsTaken() {
        assertEquals(WON, move(lead, project, null, StatusCategory.WON, null).state().status());
        assertEquals(LOST, move(lead, project, null, StatusCategory.LOST, "no budget").state().status());
    }

    @Test
    void convertingIsAStatusChangeFollowedByLeadConverted() {
        Changed<Lead> change = move(lead, project, WON, StatusCategory.WON, null);

        assertEquals(List.of(new DomainEvent.LeadStatusChanged(lead.id(), project.id(), NEW, WON),
                new DomainEvent.LeadConverted(lead.id(), project.id(), WON)), change.events());
        assertNull(change.state().lostReason());
    }

    @Test
    void disqualifyingKeepsTheTrimmedReasonAndCausesLeadDisqualified() {
        Changed<Lead> change = move(lead, project, SPAM, StatusCategory.LOST, "  bought elsewhere ");

        assertEquals("bought elsewhere", change.state().lostReason());
        assertEquals(List.of(new DomainEvent.LeadStatusChanged(lead.id(), project.id(), NEW, SPAM),
                new DomainEvent.LeadDisqualified(lead.id(), project.id(), SPAM, "bought elsewhere")),
                change.events());
    }

    @Test
    void leavingALostStatusForgetsTheReason() {
        Lead lost = move(lead, project, LOST, StatusCategory.LOST, "no budget").state();

        assertNull(move(lost, project, OFFER, null, null).state().lostReason());
    }

    @Test
    void theProjectsTransitionsAreObeyed() {
        Project restricted = DomainFixture.restricted();
        Lead fresh = DomainFixture.lead(restricted);

        ConflictException e = assertThrows(ConflictException.class,
                () -> move(fresh, restricted, OFFER, null, null));
        assertTrue(e.getMessage().contains("'new' to 'offer'"), e.getMessage());
        Lead contacted = move(fresh, restricted, CONTACTED, null, null).state();
        assertEquals(OFFER, move(contacted, restricted, OFFER, null, null).state().status());
    }

    @Test
    void aLeadOnlyObeysItsOwnProject() {
        assertThrows(IllegalArgumentException.class, () -> move(lead, DomainFixture.project(), CONTACTED, null,
                null));
    }

    @Test
    void retiringAStatusMovesItsLeadsWhateverTheTransitions() {
        Project restricted = DomainFixture.restricted();
        Lead lost = LeadChanges.moveTo(LeadChanges.moveTo(DomainFixture.lead(restricted), restricted, CONTACTED,
                null, null, LATER).state(), restricted, LOST, StatusCategory.LOST, "no budget", LATER).state();
        Project retired = restricted.withStatusRetired(LOST, SPAM);

        Changed<Lead> change = LeadChanges.moveOffRetired(lost, retired, LOST, SPAM, LATER);

        assertEquals(SPAM, change.state().status());
        assertEquals("no budget", change.state().lostReason(), "a lost lead keeps its reason");
        assertEquals(2, change.events().size());
        Lead onOffer = DomainFixture.lead(project).withStatus(OFFER, null, T0);
        Lead offLost = LeadChanges.moveOffRetired(onOffer.withStatus(LOST, null, T0),
                project.withStatusRetired(LOST, SPAM), LOST, SPAM, LATER).state();
        assertEquals("status 'lost' retired", offLost.lostReason(), "a LOST replacement needs a reason");
        assertThrows(IllegalArgumentException.class,
                () -> LeadChanges.moveOffRetired(onOffer, retired, LOST, SPAM, LATER));
    }

    @Test
    void assigningSaysFromWhomToWhomAndWhy() {
        OwnerReason manual = OwnerReason.manual(MIA);

        Changed<Lead> change = LeadChanges.assign(lead, ALICE, manual, LATER);

        assertEquals(ALICE, change.state().assignee());
        assertEquals(manual, change.state().ownerReason());
        assertEquals(List.of(new DomainEvent.LeadAssigned(lead.id(), project.id(), null, ALICE, manual)),
                change.events());
        Changed<Lead> again = LeadChanges.assign(change.state(), ALICE, OwnerReason.manual(BOB), LATER);
        assertFalse(again.changed(), "the owner already owns it");
        Changed<Lead> off = LeadChanges.assign(change.state(), null, OwnerReason.unassigned(MIA), LATER);
        assertNull(off.state().assignee());
        assertEquals(OwnerReasonKind.UNASSIGNED, off.state().ownerReason().kind());
    }

    @Test
    void anOwnerReasonMustFitTheOwner() {
        assertThrows(IllegalArgumentException.class, () -> lead.assign(null, OwnerReason.manual(MIA), LATER));
        assertThrows(IllegalArgumentException.class, () -> lead.assign(ALICE, OwnerReason.unassigned(MIA), LATER));
    }

    @Test
    void refreshingTheCardKeepsEverythingElse() {
        ContactCard card = new ContactCard("Ada Lovelace", "ada@example.org", null, "Engines", "London", null);

        Changed<Lead> change = LeadChanges.refreshCard(lead, card, LATER);

        assertEquals(card, change.state().card());
        assertEquals(lead.status(), change.state().status());
        assertEquals(List.of(new DomainEvent.ContactCardRefreshed(lead.id(), lead.contact())), change.events());
    }

    @Test
    void aLeadMovesToAnotherContactOnlyIfItIsAnother() {
        ContactId into = ContactId.of("c2");

        Changed<Lead> change = LeadChanges.moveToContact(lead, into, ContactCard.named("Ada L."), LATER);

        assertEquals(into, change.state().contact());
        assertEquals(List.of(new DomainEvent.LeadMovedToContact(lead.id(), lead.contact(), into)), change.events());
        assertEquals("SameContact", code(assertThrows(ValidationException.class,
                () -> lead.moveToContact(lead.contact(), ContactCard.named("Ada"), LATER))));
    }

    @Test
    void foldingGivesTheTargetTheSourcesOwnerOnlyWhenItHasNoneAndTheOwnerIsActive() {
        Lead source = DomainFixture.lead(project).assign(BOB, OwnerReason.manual(MIA), T0);
        Lead target = DomainFixture.lead(project);

        Changed<Lead> taken = LeadChanges.fold(source, target, true, LATER);
        assertEquals(BOB, taken.state().assignee());
        assertEquals(List.of(new DomainEvent.LeadsMerged(source.id(), target.id(), project.id()),
                new DomainEvent.LeadAssigned(target.id(), project.id(), null, BOB, source.ownerReason())),
                taken.events());

        Changed<Lead> inactive = LeadChanges.fold(source, target, false, LATER);
        assertNull(inactive.state().assignee());
        assertEquals(List.of(new DomainEvent.LeadsMerged(source.id(), target.id(), project.id())),
                inactive.events());

        Lead owned = target.assign(ALICE, OwnerReason.manual(MIA), T0);
        assertEquals(ALICE, LeadChanges.fold(source, owned, true, LATER).state().assignee());
        assertThrows(IllegalArgumentException.class, () -> LeadChanges.fold(source, source, true, LATER));
    }

    @Test
    void onlyTheAuthorChangesANote() {
        Note note = new Note(new NoteId(UUID.randomUUID()), lead.tenant(), lead.id(), ALICE, "first", T0, null, 0);

        Changed<Note> edited = LeadChanges.editNote(note, ALICE, "second", LATER);

        assertEquals("second", edited.state().text());
        assertEquals(LATER, edited.state().editedAt());
        assertEquals(List.of(new DomainEvent.NoteEdited(lead.id(), note.id())), edited.events());
        assertThrows(AccessDeniedException.class, () -> LeadChanges.editNote(note, BOB, "mine now", LATER));
        assertThrows(AccessDeniedException.class, () -> LeadChanges.deleteNote(note, BOB));
        assertEquals(List.of(new DomainEvent.NoteDeleted(lead.id(), note.id())),
                LeadChanges.deleteNote(note, ALICE).events());
    }

    @Test
    void aQualifiedLeadSaysHowItCameToBe() {
        Changed<Lead> change = LeadChanges.qualified(lead);

        assertEquals(List.of(new DomainEvent.LeadQualified(lead.id(), project.id(), lead.contact(), lead.origin(),
                null)), change.events());
        assertSame(lead, change.state());
    }
}
