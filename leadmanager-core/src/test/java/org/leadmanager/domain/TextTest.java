package org.leadmanager.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.contact.ContactCard;

class TextTest {

    @Test
    void nulLoneSurrogatesAndNonCharactersAreForbidden() {
        assertEquals(2, Text.firstForbidden("ab\u0000"));
        assertEquals(1, Text.firstForbidden("a\uD800b"));
        assertEquals(1, Text.firstForbidden("a\uDC00"));
        assertEquals(0, Text.firstForbidden("\uD800"));
        assertEquals(1, Text.firstForbidden("x\uFDD0"));
        assertEquals(0, Text.firstForbidden("\uFFFE"));
        assertEquals(2, Text.firstForbidden("\uD83D\uDE00\uD83F\uDFFF"), "U+1FFFF is a non-character");
        assertEquals(-1, Text.firstForbidden("Müller \uD83D\uDE00 İstanbul \t\n ß \uFFFD"));
        assertEquals(-1, Text.firstForbidden(null));
    }

    @Test
    void cleaningRemovesNulAndReplacesTheRest() {
        assertEquals("ab\uFFFDc\uFFFD", Text.clean("a\u0000b\uD800c\uFFFF"));
        String fine = "Petra Berg";
        assertSame(fine, Text.clean(fine));
        assertEquals("\uD83D\uDE00", Text.clean("\uD83D\uDE00"));
    }

    @Test
    void hostCardsAreCleanedNotRefused() {
        ContactCard card = new ContactCard("Pe\u0000tra", "p\uD800@x.de", null, "\u0000", null, null);
        assertEquals("Petra", card.name());
        assertEquals("p\uFFFD@x.de", card.email());
        assertEquals(null, card.company(), "a field that is only NUL is blank, so absent");
        ValidationException e = assertThrows(ValidationException.class, () -> ContactCard.named("\u0000 "));
        assertEquals("ContactCard.name", e.violations().get(0).path());
        assertEquals("NotBlank", e.violations().get(0).code());
    }

    @Test
    void idsRefuseForbiddenCharacters() {
        ValidationException e = assertThrows(ValidationException.class, () -> TenantId.of("acme\u0000"));
        assertEquals("TenantId", e.violations().get(0).path());
        assertEquals("Characters", e.violations().get(0).code());
    }

    @Test
    void theTimeRangeIsWhatEveryStoreHolds() {
        assertTrue(Times.supported(Times.EARLIEST));
        assertTrue(Times.supported(Times.LATEST));
        assertTrue(!Times.supported(Times.EARLIEST.minusNanos(1)));
        assertTrue(!Times.supported(Times.LATEST.plusNanos(1)));
        assertEquals(Instant.parse("2026-01-01T00:00:00.000001Z"),
                Times.checked(Instant.parse("2026-01-01T00:00:00.000001999Z"), "at"));
        ValidationException e = assertThrows(ValidationException.class, () -> Times.checked(Instant.MAX, "at"));
        assertEquals("TimeRange", e.violations().get(0).code());
    }

    @Property
    void cleanTextIsAlwaysAllowedAndAllowedTextStaysAsItIs(@ForAll("anyChars") String value) {
        String clean = Text.clean(value);
        assertEquals(-1, Text.firstForbidden(clean));
        if (Text.firstForbidden(value) < 0) {
            assertSame(value, clean);
        } else {
            assertThrows(ValidationException.class, () -> Text.checked(value, "x"));
        }
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().all().ofMaxLength(40)
                .injectDuplicates(0.1)
                .edgeCases(edges -> edges.add("\u0000").add("\uD800").add("\uDFFF").add("\uFFFE"));
    }
}
