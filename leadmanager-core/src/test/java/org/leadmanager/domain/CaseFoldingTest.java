package org.leadmanager.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * What a store sizes its derived columns by: a text of at most {@link Text#MAX_NAME} characters lower-cased fits
 * {@code LOWER_GROWTH * MAX_NAME}, folded fits {@code MAX_NAME}, counted in UTF-16 units and in code points.
 * Random texts over all planes, weighted towards the characters whose case mapping changes their length or
 * depends on context; and every single code point, since lower-casing maps code point by code point but for the
 * final sigma, whose two forms have one length. Seeded, so every run checks the same cases.
 */
class CaseFoldingTest {
    /** Characters whose case mappings are special: grow, shrink, change plane, or depend on their neighbours. */
    private static final List<Integer> SPECIAL = List.of(
            0x0130, // İ: lower case "i̇", two characters
            0x0131, // ı: dotless i, upper case I
            0x1E9E, // ẞ: capital sharp s, lower case ß
            0x00DF, // ß: upper case "SS" in String.toUpperCase
            0xFB00, 0xFB01, 0xFB03, 0xFB06, // ligatures ff, fi, ffi, st
            0x0149, // ŉ: upper case "ʼN"
            0x0390, // ΐ: upper case three characters
            0x1F88, // ᾈ: Greek capital with prosgegrammeni, title case
            0x03A3, 0x03C3, 0x03C2, // Σ σ ς: the final sigma depends on context
            0x0307, 0x0301, 0x0345, // combining dot above, acute, ypogegrammeni
            0x212A, 0x212B, // Kelvin and Ångström signs, lower case ASCII k and å
            0x2C7E, 0xA7AE, // capitals whose lower case is in another block
            0x10400, 0x10428, 0x1E900, 0x16E40, // Deseret, Adlam, Medefaidrin: cased letters outside the BMP
            0x1F600, // an emoji: two UTF-16 units, no case
            0xD800, 0xDC00); // lone surrogates: Java strings may hold them

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT);
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(SPECIAL)),
                Tuple.of(2, anyCodePoint),
                Tuple.of(1, Arbitraries.integers().between(0x20, 0x7E)));
        return codePoint.list().ofMaxSize(Text.MAX_NAME).map(CaseFoldingTest::text);
    }

    /** The code points as a text, cut to at most {@link Text#MAX_NAME} UTF-16 units, the input limit. */
    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        for (int cp : codePoints) {
            if (text.length() + Character.charCount(cp) > Text.MAX_NAME) {
                break;
            }
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    @Property(tries = 2000, seed = "20260302")
    void aLowerCasedTextFitsTwiceTheInputLimit(@ForAll("texts") String text) {
        String lower = CaseFolding.lower(text);
        assertTrue(text.length() <= Text.MAX_NAME);
        assertTrue(lower.length() <= CaseFolding.LOWER_GROWTH * text.length(), () -> describe(text, lower));
        assertTrue(codePoints(lower) <= CaseFolding.LOWER_GROWTH * codePoints(text), () -> describe(text, lower));
        assertEquals(text.toLowerCase(Locale.ROOT), lower, "the reference's own lower case");
    }

    @Property(tries = 2000, seed = "20260302")
    void aFoldedTextKeepsItsLength(@ForAll("texts") String text) {
        String folded = CaseFolding.fold(text);
        assertEquals(text.length(), folded.length(), () -> describe(text, folded));
        assertEquals(codePoints(text), codePoints(folded), () -> describe(text, folded));
    }

    @Property(tries = 500, seed = "20260302")
    void textsFoldAlikeExactlyWhenTheyAreEqualIgnoringCase(@ForAll("texts") String a, @ForAll("texts") String b) {
        String shorter = a.length() <= b.length() ? a : b;
        // a text and a case variant of it (these mostly differ when drawn independently)
        String variant = a.length() % 2 == 0 ? shorter.toUpperCase(Locale.ROOT) : CaseFolding.lower(shorter);
        assertEquals(shorter.equalsIgnoreCase(variant), CaseFolding.fold(shorter).equals(CaseFolding.fold(variant)));
        assertEquals(a.equalsIgnoreCase(b), CaseFolding.fold(a).equals(CaseFolding.fold(b)));
    }

    @Example
    void noSingleCodePointGrowsMoreThanTheBound() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = Character.toString(cp);
            String lower = CaseFolding.lower(text);
            String folded = CaseFolding.fold(text);
            assertTrue(lower.length() <= CaseFolding.LOWER_GROWTH * text.length(), () -> describe(text, lower));
            assertTrue(codePoints(lower) <= CaseFolding.LOWER_GROWTH, () -> describe(text, lower));
            assertEquals(text.length(), folded.length(), () -> describe(text, folded));
        }
    }

    @Example
    void aDottedCapitalIDoublesWhenLowerCased() {
        String name = "\u0130".repeat(Text.MAX_NAME);
        assertEquals("i\u0307".repeat(Text.MAX_NAME), CaseFolding.lower(name));
        assertEquals(CaseFolding.LOWER_GROWTH * Text.MAX_NAME, CaseFolding.lower(name).length());
        assertEquals("i".repeat(Text.MAX_NAME), CaseFolding.fold(name));
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String describe(String text, String result) {
        StringBuilder codes = new StringBuilder();
        text.codePoints().limit(20).forEach(cp -> codes.append(String.format(Locale.ROOT, " U+%04X", cp)));
        return text.length() + " units (" + codes + " ...) became " + result.length() + " units";
    }
}
