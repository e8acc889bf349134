package org.leadmanager;

import java.util.Objects;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;

/** What a bulk qualification did with one input item: {@link Added}, {@link AlreadyLead} or {@link Rejected}. */
public sealed interface ItemOutcome {

    /** The input item; null only for a null item, which is {@link Rejected}. */
    ContactId contact();

    /** The contact became a new lead. */
    record Added(ContactId contact, LeadId lead) implements ItemOutcome {
        public Added {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(lead, "lead");
        }
    }

    /** The contact already was a lead of the project (or was listed before in the same call). */
    record AlreadyLead(ContactId contact) implements ItemOutcome {
        public AlreadyLead {
            Objects.requireNonNull(contact, "contact");
        }
    }

    /** The item was left out, for the given reason; the others went on. */
    record Rejected(ContactId contact, Rejection reason) implements ItemOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
