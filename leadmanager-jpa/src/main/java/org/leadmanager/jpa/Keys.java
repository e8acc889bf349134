package org.leadmanager.jpa;

import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.Text;

/**
 * Sizes of the derived text columns that let SQL compare like the library's reference semantics: each holds a
 * contact or project text of at most {@link Text#MAX_NAME} characters as {@link CaseFolding} derives it, and is
 * sized for the longest such result (the schema scripts use the same numbers; a test compares them).
 */
final class Keys {
    /**
     * {@code lm_lead.name_key}, {@code email_key} and {@code company_key}: {@link CaseFolding#lower}, for the text
     * search and the NAME sort. Lower-casing may double a text (U+0130 'İ' becomes two characters), so these are
     * twice the input limit.
     */
    static final int LOWER_LENGTH = CaseFolding.LOWER_GROWTH * Text.MAX_NAME;
    /**
     * {@code lm_lead.*_fold} and {@code lm_project.name_key}: {@link CaseFolding#fold}, for equality ignoring case;
     * folding keeps a text's length.
     */
    static final int FOLD_LENGTH = Text.MAX_NAME;

    private Keys() {
    }
}
