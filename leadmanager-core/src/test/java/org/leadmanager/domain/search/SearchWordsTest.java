package org.leadmanager.domain.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.contact.ContactCard;

/**
 * The text criterion's rule on its own: which words a card keeps, how a term folds, and the bounds a store sizes
 * its word column by. Random texts are weighted towards the characters that fold specially.
 */
class SearchWordsTest {
    private static final List<Integer> SPECIAL = List.of(0x00E4, 0x00F6, 0x00FC, 0x00C4, 0x00D6, 0x00DC, 0x00DF,
            0x1E9E, 0x0130, 0x0131, 0x00E9, 0x0301, 0x0308, 0x0307, 0xFB01, 0x00F8, 0x0142, 0xAC00, 0x1100, 0x1161,
            0x10400, 0x1F600, (int) '%', (int) '_', (int) '\\', (int) '\'', (int) '"', (int) '-', (int) '@', (int) ' ');

    private static ContactCard card(String name, String email, String company) {
        return new ContactCard(name, email, null, company, null, null);
    }

    private static boolean finds(String term, ContactCard card) {
        return SearchWords.matches(term, card);
    }

    @Example
    void everyWordOfTheTermBeginsAWordOfNameEmailOrCompany() {
        ContactCard petra = card("Petra Berg", "petra@berg-bau.de", "Berg Bau GmbH");
        ContactCard jonas = card("Jonas Kahn", "jonas@kahn-it.de", "Kahn IT");
        assertTrue(finds("berg", petra));
        assertTrue(finds("petra b", petra));
        assertTrue(finds("B PETRA", petra), "words in any order, any case");
        assertTrue(finds("kahn-it", jonas));
        assertTrue(finds("jonas@kahn", jonas));
        assertFalse(finds("erg", petra), "a word must begin with the term's word, not contain it");
        assertFalse(finds("petra x", petra), "every word of the term must be found");
        assertFalse(finds("kahn", petra));
    }

    @Example
    void umlautsSharpSAndAccentsFoldAsGermanUsersType() {
        ContactCard mueller = card("Bernd Müller", null, "Straßenbau Åberg");
        for (String term : List.of("muller", "mueller", "müller", "MÜLLER", "Mül", "mu", "strasse", "straße",
                "STRASSENBAU", "aberg", "Åberg")) {
            assertTrue(finds(term, mueller), term);
        }
        assertFalse(finds("strase", mueller));
        ContactCard ascii = card("Hans Mueller", null, null);
        assertTrue(finds("müller", ascii), "a typed umlaut is written ue");
        assertTrue(finds("mueller", ascii));
        assertFalse(finds("muller", ascii), "a host's ue is not an umlaut");
        assertTrue(finds("jose", card("José Núñez", null, null)));
        assertTrue(finds("nunez", card("José Núñez", null, null)));
        assertTrue(finds("istanbul", card("İstanbul Tekstil", null, null)));
        assertEquals(Set.of("bernd", "mueller", "muller", "strassenbau", "aberg"),
                SearchWords.of(mueller));
    }

    @Example
    void hostileCharactersSeparateWordsAndNeverActAsWildcards() {
        ContactCard percent = card("50% Rabatt", "o'brien_x@example.org", "A\\B \"Q\"");
        assertTrue(finds("50%", percent));
        assertTrue(finds("o'brien", percent));
        assertTrue(finds("brien_x", percent));
        assertTrue(finds("a\\b", percent));
        assertTrue(finds("\"q\"", percent));
        for (String term : List.of("%", "_", "\\", "'", "\"", "%%", "' -- ;")) {
            assertEquals(List.of(), SearchWords.ofTerm(term), term);
            assertFalse(finds(term, card("%_\\'\" -- ;", null, "x")), "no words, no match: " + term);
        }
        assertFalse(finds("a_c", card("abc", null, null)), "_ is no wildcard");
        assertFalse(finds("a%c", card("abc", null, null)), "% is no wildcard");
        assertTrue(finds("a_c", card("a-c", null, null)), "it separates words, as any punctuation");
    }

    @Example
    void longWordsCountWithTheirFirstFortyCharacters() {
        String long1 = "a".repeat(60);
        String long2 = "a".repeat(45) + "b";
        ContactCard card = card(long1, null, null);
        assertEquals(Set.of("a".repeat(SearchWords.MAX_WORD)), SearchWords.of(card));
        assertTrue(finds(long2, card), "both cut to forty characters");
        assertTrue(finds("a".repeat(40), card));
    }

    @Example
    void aWordThatBeginsAnotherKeptWordIsNotKept() {
        ContactCard card = card("Contact 42", "contact42@example.com", "Company 4");
        assertEquals(Set.of("42", "company", "contact42", "example"), SearchWords.of(card));
        assertTrue(finds("contact", card));
        assertTrue(finds("com", card));
        assertTrue(finds("4", card));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(SPECIAL)),
                Tuple.of(2, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)),
                Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)));
        // at most two UTF-16 units each: within the limit of a card's texts
        return codePoint.list().ofMinSize(1).ofMaxSize(Text.MAX_NAME / 2).map(cps -> cps.stream()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .map(Text::clean).filter(t -> t != null && !t.isBlank());
    }

    @Property(tries = 500, seed = "18")
    void keptWordsFitTheColumnAndHoldOnlyLettersAndDigits(@ForAll("texts") String text) {
        for (String word : SearchWords.of(card(text, text, text))) {
            assertTrue(!word.isEmpty() && word.length() <= SearchWords.MAX_WORD, word);
            assertTrue(word.codePoints().allMatch(Character::isLetterOrDigit), word);
            assertFalse(Character.isHighSurrogate(word.charAt(word.length() - 1)), word);
        }
    }

    /** The kept words are the rule a store applies: a term matches when each of its words begins a kept word. */
    @Property(tries = 1000, seed = "18")
    void theKeptWordsMatchWhatTheCardMatches(@ForAll("texts") String name, @ForAll("texts") String company,
            @ForAll("texts") String term) {
        ContactCard card = card(name, null, company);
        Set<String> kept = SearchWords.of(card);
        List<String> termWords = SearchWords.ofTerm(term);
        boolean byKeptWords = !termWords.isEmpty()
                && termWords.stream().allMatch(t -> kept.stream().anyMatch(w -> w.startsWith(t)));
        assertEquals(finds(term, card), byKeptWords, term);
        // and a term made of the card's own texts, so that matches are frequent
        String own = name + " " + company.substring(0, company.length() / 2);
        List<String> ownWords = SearchWords.ofTerm(own);
        boolean ownByKeptWords = !ownWords.isEmpty()
                && ownWords.stream().allMatch(t -> kept.stream().anyMatch(w -> w.startsWith(t)));
        assertEquals(finds(own, card), ownByKeptWords, own);
    }

    @Property(tries = 500, seed = "18")
    void aCardIsFoundByItsOwnNameAndByEveryPrefixOfItsWords(@ForAll("texts") String name) {
        ContactCard card = card(name, null, null);
        assertEquals(!SearchWords.ofTerm(name).isEmpty(), finds(name, card), "its name as typed");
        for (String word : SearchWords.of(card)) {
            int half = Math.max(1, word.offsetByCodePoints(0, word.codePointCount(0, word.length()) / 2));
            String prefix = word.substring(0, Character.isHighSurrogate(word.charAt(half - 1)) ? half + 1 : half);
            assertTrue(finds(prefix, card), "prefix '" + prefix + "' of kept word '" + word + "'");
        }
    }
}
