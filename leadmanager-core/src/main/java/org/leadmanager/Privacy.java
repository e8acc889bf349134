package org.leadmanager;

import jakarta.validation.constraints.NotNull;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.error.AccessDeniedException;

/**
 * Erasing what the library holds about a contact (GDPR Art. 17). An erasure removes, in every project of the
 * tenant, the contact's leads with their contact cards and search keys, notes, follow-ups and their reminders,
 * timelines and status histories, disqualification reasons, the marketing-action responses that made them leads, and
 * their events in the publication registry (pending or kept as published: those not published yet never will be).
 * What stays is not personal: the counts per status of the other leads; the erased leads leave the kept counts as
 * if they had never been qualified. Each erased lead is receipted by a
 * {@link org.leadmanager.domain.event.DomainEvent.LeadErased} event, which carries ids and the reason only.
 *
 * <p>Only a manager or the system actor may erase. An erasure is one unit of work per contact, and idempotent: a
 * contact with nothing held is erased with no lead. Qualifying the contact again later starts from nothing: a new
 * lead, new ids, an empty timeline. An erasure racing a change of one of the contact's leads (a note, a status
 * change) waits for it and erases what it wrote, or makes it fail as stale; a qualification that commits after the
 * erasure read the contact's leads is a new lead, as if it had come after the erasure.
 */
public interface Privacy {

    /**
     * Erases everything held about the contact in the actor's tenant.
     *
     * @param reason why; a closed set, so no free text about the person enters the audit trail
     * @return the erased leads, empty when nothing was held
     * @throws AccessDeniedException unless the actor is a manager or the system
     */
    ErasureResult erase(@NotNull Actor actor, @NotNull ContactId contact, @NotNull ErasureReason reason);

    /**
     * The host deleted the contact: erases everything held about it, as {@link #erase} with
     * {@link ErasureReason#CONTACT_DELETED}.
     *
     * @throws AccessDeniedException unless the actor is a manager or the system
     */
    default ErasureResult contactDeleted(@NotNull Actor actor, @NotNull ContactId contact) {
        return erase(actor, contact, ErasureReason.CONTACT_DELETED);
    }

    /**
     * Erases many contacts, each in its own unit of work, reading the input once and never holding it as a whole.
     * A contact that cannot be erased (a null id) is rejected per item; the others go on.
     *
     * @param listener told each chunk's per-item outcomes after they committed
     * @return counts and the rejected items
     * @throws AccessDeniedException unless the actor is a manager or the system; then nothing is erased
     */
    ErasureResult.Bulk eraseAll(@NotNull Actor actor, @NotNull Iterable<ContactId> contacts,
            @NotNull ErasureReason reason, @NotNull ErasureResult.Listener listener);

    /** {@link #eraseAll(Actor, Iterable, ErasureReason, ErasureResult.Listener)} without a listener. */
    default ErasureResult.Bulk eraseAll(@NotNull Actor actor, @NotNull Iterable<ContactId> contacts,
            @NotNull ErasureReason reason) {
        return eraseAll(actor, contacts, reason, (outcomes, processed) -> { });
    }
}
