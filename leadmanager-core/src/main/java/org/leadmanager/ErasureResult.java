package org.leadmanager;

import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;

/**
 * What an erasure of one contact removed.
 *
 * @param contact the erased contact, non-null
 * @param leads   its leads that were erased, by id; empty when the library held nothing about it (any more)
 */
public record ErasureResult(ContactId contact, List<LeadId> leads) {

    public ErasureResult {
        Objects.requireNonNull(contact, "contact");
        leads = List.copyOf(leads);
    }

    /** What a bulk erasure did with one input item: {@link Erased} or {@link Rejected}. */
    public sealed interface Outcome {
        /** The input item; null only for a null item. */
        ContactId contact();
    }

    /** The contact was erased (possibly with no lead to erase). */
    public record Erased(ErasureResult result) implements Outcome {
        public Erased {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public ContactId contact() {
            return result.contact();
        }
    }

    /** The item was left as it was, for the given reason; the others went on. */
    public record Rejected(ContactId contact, Rejection reason) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Summary of a bulk erasure.
     *
     * @param processed items read from the input
     * @param contacts  contacts erased (with or without leads)
     * @param leads     leads erased in all
     * @param rejected  items refused, with their reason
     */
    public record Bulk(long processed, long contacts, long leads, List<Rejected> rejected) {
        public Bulk {
            rejected = List.copyOf(rejected);
        }
    }

    /** Follows a bulk erasure chunk by chunk, on the caller's thread, after the chunk's erasures committed. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param outcomes  the chunk's per-item outcomes, in input order
         * @param processed items processed so far, this chunk included
         */
        void onChunk(List<Outcome> outcomes, long processed);
    }
}
