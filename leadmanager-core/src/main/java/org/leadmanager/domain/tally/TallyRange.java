package org.leadmanager.domain.tally;

import java.util.Objects;

/**
 * Some numbers of one tally: those whose key lies in {@code [keyFrom, keyBefore)} and whose sub-key lies in
 * {@code [subFrom, subBefore)}, comparing character by character (every key part the library writes is compared
 * alike by every store: the ranges it reads start with ASCII). Numbers without a sub-key lie in no range.
 *
 * @param tally     non-null
 * @param keyFrom   non-null, the least key in the range
 * @param keyBefore non-null, the first key after the range
 * @param subFrom   non-null, the least sub-key in the range
 * @param subBefore non-null, the first sub-key after the range
 */
public record TallyRange(Tally tally, String keyFrom, String keyBefore, String subFrom, String subBefore) {

    public TallyRange {
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(keyFrom, "keyFrom");
        Objects.requireNonNull(keyBefore, "keyBefore");
        Objects.requireNonNull(subFrom, "subFrom");
        Objects.requireNonNull(subBefore, "subBefore");
    }

    /** Whether the range holds a key. */
    public boolean contains(TallyKey key) {
        return key.tally().equals(tally) && key.sub() != null
                && key.key().compareTo(keyFrom) >= 0 && key.key().compareTo(keyBefore) < 0
                && key.sub().compareTo(subFrom) >= 0 && key.sub().compareTo(subBefore) < 0;
    }
}
