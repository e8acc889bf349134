package org.leadmanager.domain.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.leadmanager.domain.contact.ContactCard;

/**
 * The text criterion's matching rule and folding, the same for every store: a lead matches a term when every word of
 * the term is the beginning of some word of the lead's name, e-mail or company ("berg" finds "Petra Berg" and
 * "petra@berg-bau.de", "petra b" finds "Petra Berg", "kahn-it" finds "Kahn IT").
 *
 * <p>A text becomes words by folding it and splitting it:
 * <ol>
 *   <li>lower case in the root locale (after composing the text, NFC);</li>
 *   <li>{@code ß} becomes {@code ss}; {@code ä ö ü} become {@code ae oe ue} (see below);</li>
 *   <li>accents and other combining marks are dropped ({@code é} → {@code e}, {@code İ} → {@code i}); letters
 *       without a decomposition stay as they are ({@code ø}, {@code ł});</li>
 *   <li>a word is a run of letters and digits ({@link Character#isLetterOrDigit}); everything else separates words,
 *       so {@code % _ \ ' "} and other punctuation never match anything themselves and never act as wildcards;</li>
 *   <li>a word longer than {@value #MAX_WORD} characters counts with its first {@value #MAX_WORD} only (never
 *       splitting a surrogate pair), in the lead's texts and in the term alike.</li>
 * </ol>
 * German umlauts are written two ways, so a lead's word with {@code ä ö ü} is kept in both: "Müller" as
 * {@code mueller} and {@code muller}, and the term's umlauts are written {@code ae oe ue}. So "Müller" is found by
 * "muller", "mueller" and "müller"; "Mueller" (written so by the host) by "mueller" and "müller", not by "muller".
 * "Straße" is found by "strasse" and "straße". A term without any letter or digit matches no lead.
 */
public final class SearchWords {
    /** Characters of a word that count, in UTF-16 units (and so in code points). */
    public static final int MAX_WORD = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchWords() {
    }

    /**
     * The words kept for a card: those of its name, e-mail and company, a word with {@code ä ö ü} in both of its
     * forms, each at most {@value #MAX_WORD} characters; sorted, without duplicates, and without a word that begins
     * another of them ("contact" beside "contact42"): every term word it begins begins the longer one too, so the
     * card matches the same terms with fewer words.
     */
    public static NavigableSet<String> of(ContactCard card) {
        NavigableSet<String> words = new TreeSet<>();
        addWords(card.name(), words);
        addWords(card.email(), words);
        addWords(card.company(), words);
        // the words a word begins follow it in sorted order, so each word is compared with the next one kept
        String next = null;
        for (Iterator<String> it = words.descendingIterator(); it.hasNext(); ) {
            String word = it.next();
            if (next != null && next.startsWith(word)) {
                it.remove();
            } else {
                next = word;
            }
        }
        return words;
    }

    /** The folded words of a typed term, in the order typed, duplicates kept; empty when it has no letter or digit. */
    public static List<String> ofTerm(String term) {
        List<String> words = new ArrayList<>();
        split(fold(term, true), words);
        return words;
    }

    /** Whether every word of the term is the beginning of a word the card keeps; false for a term without words. */
    public static boolean matches(String term, ContactCard card) {
        List<String> wanted = ofTerm(term);
        if (wanted.isEmpty()) {
            return false;
        }
        boolean[] found = new boolean[wanted.size()];
        int missing = wanted.size();
        for (String text : new String[] {card.name(), card.email(), card.company()}) {
            if (text != null && missing > 0) {
                List<String> words = new ArrayList<>();
                addWords(text, words);
                for (String word : words) {
                    for (int i = 0; i < found.length; i++) {
                        if (!found[i] && word.startsWith(wanted.get(i))) {
                            found[i] = true;
                            missing--;
                        }
                    }
                }
            }
        }
        return missing == 0;
    }

    private static void addWords(String text, Collection<String> into) {
        if (text == null) {
            return;
        }
        String withE = fold(text, true);
        split(withE, into);
        String plain = fold(text, false);
        if (!plain.equals(withE)) {
            split(plain, into);
        }
    }

    /**
     * Folded text: lower case, {@code ß} as {@code ss}, umlauts as {@code ae oe ue} (or as plain vowels), marks
     * dropped.
     */
    private static String fold(String text, boolean umlautsWithE) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace("ß", "ss");
        if (umlautsWithE) {
            lower = lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
        }
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return Normalizer.normalize(bare, Normalizer.Form.NFC);
    }

    /** Adds the runs of letters and digits of a folded text, each cut to {@link #MAX_WORD}. */
    private static void split(String folded, Collection<String> into) {
        int start = -1;
        int length = folded.length();
        for (int i = 0; i <= length; ) {
            int cp = i < length ? folded.codePointAt(i) : ' ';
            boolean inWord = i < length && Character.isLetterOrDigit(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                into.add(cut(folded.substring(start, i)));
                start = -1;
            }
            i += i < length ? Character.charCount(cp) : 1;
        }
    }

    private static String cut(String word) {
        if (word.length() <= MAX_WORD) {
            return word;
        }
        int end = Character.isHighSurrogate(word.charAt(MAX_WORD - 1)) ? MAX_WORD - 1 : MAX_WORD;
        return word.substring(0, end);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
