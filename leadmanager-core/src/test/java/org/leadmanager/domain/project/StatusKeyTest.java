package org.leadmanager.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadmanager.error.ValidationException;

class StatusKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Neu|neu",
        "Angebot verschickt|angebot-verschickt",
        "Kunde (gewonnen)|kunde-gewonnen",
        "Größe prüfen|groesse-pruefen",
        "Straße|strasse",
        "Café & Crème|cafe-creme",
        "  2. Termin  |2-termin",
        "NEW|new",
        "kein_Interesse|kein-interesse"
    })
    void keysDeriveFromLabels(String label, String key) {
        assertEquals(StatusKey.of(key), StatusKey.fromLabel(label));
        assertEquals(new LeadStatus(StatusKey.of(key), label, StatusCategory.OPEN),
                LeadStatus.of(label, StatusCategory.OPEN));
    }

    @Test
    void aLongLabelGivesAKeyOfAtMostFortyCharactersWithoutATrailingDash() {
        StatusKey key = StatusKey.fromLabel("Angebot verschickt und auf Rückmeldung warten");
        assertEquals("angebot-verschickt-und-auf-rueckmeldung", key.value());
    }

    @Test
    void aLabelWithoutLettersOrDigitsHasNoKey() {
        ValidationException e = assertThrows(ValidationException.class, () -> StatusKey.fromLabel("→ ★ ←"));
        assertEquals("StatusKey", e.violations().get(0).path());
    }

    @Test
    void anInvalidKeySaysWhatAKeyMayContainAndHowToDeriveOne() {
        ValidationException e = assertThrows(ValidationException.class, () -> StatusKey.of("Neu"));
        String message = e.violations().get(0).message();
        assertTrue(message.contains("a-z, 0-9, '_' or '-'") && message.contains("StatusKey.fromLabel"), message);
    }

    @Property
    void everyLabelWithALetterGivesAValidKey(@ForAll String label) {
        if (label.codePoints().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            StatusKey key = StatusKey.fromLabel(label);
            assertEquals(key, StatusKey.of(key.value()), "the derived key has the key form");
        }
    }

    @Property
    void aKeyIsAcceptedExactlyWhenItHasTheDocumentedForm(@ForAll("keyLike") String value) {
        boolean documented = value.matches("[a-z0-9][a-z0-9_-]{0,39}");
        boolean accepted;
        try {
            accepted = StatusKey.of(value).value().equals(value);
        } catch (ValidationException e) {
            accepted = false;
        }
        assertEquals(documented, accepted, "'" + value + "'");
    }

    @Provide
    Arbitrary<String> keyLike() {
        return Arbitraries.strings().withChars("az09_-AZ. é").ofMaxLength(45);
    }
}
