package org.leadmanager.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids order as unsigned numbers, like PostgreSQL and H2 order UUIDs, so keyset pages agree across stores. */
class LeadIdOrderTest {

    @Test
    void highBitSetSortsAfterHighBitClear() {
        LeadId low = new LeadId(new UUID(0x7FFF_FFFF_FFFF_FFFFL, 0));
        LeadId high = new LeadId(new UUID(0x8000_0000_0000_0000L, 0));

        assertTrue(low.compareTo(high) < 0);
        assertTrue(low.toString().compareTo(high.toString()) < 0);
    }
}
