package org.leadmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;

class CursorCodecTest {
    private final LeadId id = new LeadId(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    @Test
    void roundTripsEveryValueType() {
        roundTrip(LeadSort.byLastActivity(), Instant.parse("2026-03-02T08:00:00.123456Z"));
        roundTrip(LeadSort.ascending(SortField.NAME), "müller | co");
        roundTrip(LeadSort.descending(SortField.STATUS_ORDER), 3);
    }

    private void roundTrip(LeadSort sort, Object value) {
        Keyset keyset = new Keyset(value, id);
        assertEquals(keyset, CursorCodec.decode(CursorCodec.encode(sort, keyset), sort));
    }

    @Test
    void aCursorOfAnotherSortIsRejected() {
        String cursor = CursorCodec.encode(LeadSort.byLastActivity(), new Keyset(Instant.EPOCH, id));

        ValidationException e = assertThrows(ValidationException.class,
                () -> CursorCodec.decode(cursor, LeadSort.ascending(SortField.LAST_ACTIVITY)));
        assertEquals("cursor", e.violations().get(0).path());
    }

    @Test
    void garbageIsRejected() {
        assertThrows(ValidationException.class, () -> CursorCodec.decode("%%%", LeadSort.byLastActivity()));
        assertThrows(ValidationException.class, () -> CursorCodec.decode("YWJj", LeadSort.byLastActivity()));
    }
}
