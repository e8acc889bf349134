package org.leadmanager.jpa;

import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.search.SearchWords;

/**
 * Sizes of the derived text columns that let SQL compare like the library's reference semantics: each holds a
 * contact or project text of at most {@link Text#MAX_NAME} characters as {@link CaseFolding} derives it, and is
 * sized for the longest such result (the schema scripts use the same numbers; a test compares them).
 */
final class Keys {
    /**
     * {@code lm_lead.name_key}, {@code email_key} and {@code company_key}: {@link CaseFolding#lower}; the NAME sort
     * orders by {@code name_key}. Lower-casing may double a text (U+0130 'İ' becomes two characters), so these are
     * twice the input limit.
     */
    static final int LOWER_LENGTH = CaseFolding.LOWER_GROWTH * Text.MAX_NAME;
    /**
     * {@code lm_lead.*_fold} and {@code lm_project.name_key}: {@link CaseFolding#fold}, for equality ignoring case;
     * folding keeps a text's length.
     */
    static final int FOLD_LENGTH = Text.MAX_NAME;
    /**
     * {@code lm_lead_word.word}: a word as {@link SearchWords} keeps it, whatever folding made of it (ß and umlauts
     * double): cut to {@link SearchWords#MAX_WORD} UTF-16 units, so at most as many code points.
     */
    static final int WORD_LENGTH = SearchWords.MAX_WORD;

    private Keys() {
    }
}
