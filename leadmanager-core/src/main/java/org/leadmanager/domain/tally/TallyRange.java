package org.leadmanager.domain.tally;

import java.util.Objects;

/**
 * Some numbers of one tally: those whose key lies in {@code [keyFrom, keyBefore)} and whose sub-key lies in
 * {@code [subFrom, subBefore)}, comparing character by character (every key part the library writes is compared
 * alike by every store: the ranges it reads start with ASCII). Numbers without a sub-key lie in no range.
 *
 * <p>With {@code subDropped > 0} the range's numbers are summed further before they are returned: those whose
 * sub-keys agree after their first {@code subDropped} characters count as one, under the rest of the sub-key (the
 * funnel drops the day or month of its numbers, so a window of a year returns no more numbers than a window of a
 * day). Numbers that several ranges of one read return under one key are added up as well (the funnel reads the
 * days at both edges of a window as two ranges of one tally).
 *
 * @param tally      non-null
 * @param keyFrom    non-null, the least key in the range
 * @param keyBefore  non-null, the first key after the range
 * @param subFrom    non-null, the least sub-key in the range
 * @param subBefore  non-null, the first sub-key after the range
 * @param subDropped how many leading characters of the sub-keys to drop and sum over; 0: none. Every sub-key in
 *                   the range must be longer than that
 */
public record TallyRange(Tally tally, String keyFrom, String keyBefore, String subFrom, String subBefore,
        int subDropped) {

    public TallyRange {
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(keyFrom, "keyFrom");
        Objects.requireNonNull(keyBefore, "keyBefore");
        Objects.requireNonNull(subFrom, "subFrom");
        Objects.requireNonNull(subBefore, "subBefore");
        if (subDropped < 0 || subDropped >= TallyKey.MAX_PART) {
            throw new IllegalArgumentException("subDropped must be 0 to " + (TallyKey.MAX_PART - 1) + ", was "
                    + subDropped);
        }
    }

    /** The numbers of the range as they are, none summed further. */
    public TallyRange(Tally tally, String keyFrom, String keyBefore, String subFrom, String subBefore) {
        this(tally, keyFrom, keyBefore, subFrom, subBefore, 0);
    }

    /** Whether the range holds one key only: {@code keyBefore} is {@code keyFrom} followed by U+0000. */
    public boolean singleKey() {
        return keyBefore.equals(keyFrom + '\u0000');
    }

    /** The key a number of the range is returned under: its sub-key without the dropped characters. */
    public TallyKey returned(TallyKey key) {
        return subDropped == 0 ? key : new TallyKey(key.tally(), key.key(), key.sub().substring(subDropped));
    }

    /** Whether the range holds a key. */
    public boolean contains(TallyKey key) {
        return key.tally().equals(tally) && key.sub() != null
                && key.key().compareTo(keyFrom) >= 0 && key.key().compareTo(keyBefore) < 0
                && key.sub().compareTo(subFrom) >= 0 && key.sub().compareTo(subBefore) < 0;
    }
}
