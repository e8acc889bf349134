package org.leadmanager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.Role;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SearchWords;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Privacy}: erasure of a contact's leads, one unit of work per contact, with the saved searches that name the
 * person ({@link #names}). The audit line it logs names the
 * tenant, the actor, the reason and the erased lead ids: never the contact's data, nor the contact id (the receipt
 * events carry that to the host).
 */
final class PrivacyService implements Privacy {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.leadmanager.privacy");
    /**
     * Units of work tried per contact: each attempt that loses a race with a change of one of its leads (which
     * makes the erasure stale) reads the leads again; a lead changed that often by others is rare.
     */
    private static final int ATTEMPTS = 5;

    private final Context ctx;

    PrivacyService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public ErasureResult erase(Actor actor, ContactId contact, ErasureReason reason) {
        requireEraser(actor);
        return eraseContact(actor, contact, reason);
    }

    @Override
    public ErasureResult.Bulk eraseAll(Actor actor, Iterable<ContactId> contacts, ErasureReason reason,
            ErasureResult.Listener listener) {
        requireEraser(actor);
        long processed = 0;
        long erasedContacts = 0;
        long erasedLeads = 0;
        List<ErasureResult.Rejected> rejected = new ArrayList<>();
        Iterator<ContactId> input = contacts.iterator();
        List<ErasureResult.Outcome> chunk = new ArrayList<>();
        while (input.hasNext()) {
            ContactId contact = input.next();
            ErasureResult.Outcome outcome = eraseOne(actor, contact, reason);
            processed++;
            if (outcome instanceof ErasureResult.Erased erased) {
                erasedContacts++;
                erasedLeads += erased.result().leads().size();
            } else {
                rejected.add((ErasureResult.Rejected) outcome);
            }
            chunk.add(outcome);
            if (chunk.size() == ctx.chunkSize || !input.hasNext()) {
                listener.onChunk(List.copyOf(chunk), processed);
                chunk.clear();
            }
        }
        return new ErasureResult.Bulk(processed, erasedContacts, erasedLeads, rejected);
    }

    private ErasureResult.Outcome eraseOne(Actor actor, ContactId contact, ErasureReason reason) {
        if (contact == null) {
            return new ErasureResult.Rejected(null, Rejections.of(ValidationException.of("contacts[]", "NotNull",
                    "must not be null", "contact", null)));
        }
        try {
            return new ErasureResult.Erased(eraseContact(actor, contact, reason));
        } catch (LeadManagerException e) {
            return new ErasureResult.Rejected(contact, Rejections.of(e));
        }
    }

    private ErasureResult eraseContact(Actor actor, ContactId contact, ErasureReason reason) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<LeadId> erased = ctx.write(actor, tx -> {
                    List<LeadId> ids = new ArrayList<>();
                    // in id order, the order every unit of work locking several leads takes them
                    for (Lead lead : tx.s.leads().findAllByContact(actor.tenant(), contact)) {
                        eraseLead(tx, lead, reason, current -> current.contact().equals(contact))
                                .ifPresent(ids::add);
                    }
                    return ids;
                });
                audit(actor, reason, erased);
                return new ErasureResult(contact, erased);
            } catch (StaleModificationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Erases one lead in the unit of work: takes its lock, reads it as it is now and, if it still qualifies, records
     * its receipt, removes it with everything stored about it and takes it off the kept tallies. The lock is taken
     * with a touch at the time the lead was seen, which never lowers its last activity, so it changes nothing that
     * {@code stillDue} may look at.
     *
     * @param seen the lead as read before its lock
     * @return the lead's id if it was erased
     * @throws StaleModificationException if the lead is gone (erased or merged away meanwhile)
     */
    static Optional<LeadId> eraseLead(Tx tx, Lead seen, ErasureReason reason, Predicate<Lead> stillDue) {
        LeadId id = seen.id();
        tx.s.leads().touch(tx.actor.tenant(), id, seen.lastActivityAt());
        Lead current = tx.s.leads().find(tx.actor.tenant(), id)
                .orElseThrow(() -> new StaleModificationException("lead " + id + " is gone", null));
        if (!stillDue.test(current)) {
            return Optional.empty();
        }
        tx.record(LeadChanges.erased(current, reason));
        tx.erase(current);
        for (SavedSearch search : tx.s.savedSearches().findByTenant(tx.actor.tenant())) {
            if (names(search.criteria(), current.card())) {
                tx.s.savedSearches().delete(tx.actor.tenant(), search.id());
            }
        }
        return Optional.of(id);
    }

    /**
     * Whether criteria name the person of the card, so that a saved search holding them goes with the person: the
     * text holds every word of their name, or of their e-mail address or phone number (folded as the text search
     * folds, in any order), or a contact field is compared with their name, e-mail or phone. A company or a city is
     * not the person's.
     */
    static boolean names(LeadCriteria criteria, ContactCard card) {
        if (criteria.text() != null) {
            Set<String> typed = new HashSet<>(SearchWords.ofTerm(criteria.text()));
            for (String personal : new String[] {card.name(), card.email(), card.phone()}) {
                List<String> words = personal == null ? List.of() : SearchWords.ofTerm(personal);
                if (!words.isEmpty() && typed.containsAll(words)) {
                    return true;
                }
            }
        }
        for (String value : criteria.fields().values()) {
            for (String personal : new String[] {card.name(), card.email(), card.phone()}) {
                if (personal != null && personal.strip().equalsIgnoreCase(value.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    static void audit(Actor actor, ErasureReason reason, List<LeadId> erased) {
        AUDIT.info("erasure in tenant {} by {} ({}): {} lead(s) erased {}", actor.tenant(), actor.user(), reason,
                erased.size(), erased);
    }

    private static void requireEraser(Actor actor) {
        if (!actor.has(Role.MANAGER) && !actor.has(Role.SYSTEM)) {
            throw new AccessDeniedException("user " + actor.user() + " may not erase contacts; only a manager or the"
                    + " system may");
        }
    }
}
