package org.leadmanager.domain.project;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stable key of a status within its project, e.g. {@code contacted}. Labels may change, keys do not.
 *
 * @param value 1 to 40 characters of {@code a-z 0-9 _ -}, starting with a letter or digit
 */
public record StatusKey(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    /** @throws org.leadmanager.error.ValidationException if the value does not have the documented form */
    public StatusKey {
        Objects.requireNonNull(value, "StatusKey must not be null");
        if (!wellFormed(value)) {
            throw org.leadmanager.error.ValidationException.of("StatusKey", "Pattern",
                    "must be 1-40 characters of a-z, 0-9, '_' or '-', starting with a letter or digit (or derive it"
                            + " from the label: StatusKey.fromLabel, LeadStatus.of(label, category)), was '"
                            + org.leadmanager.domain.Text.clean(value) + "'",
                    "pattern", FORM.pattern());
        }
    }

    /**
     * The key a label stands for: lower-cased; {@code ä ö ü ß} written {@code ae oe ue ss}, other accents dropped
     * ({@code é} → {@code e}); every run of other characters becomes one {@code -}, none at either end; at most 40
     * characters. So {@code "Neu"} → {@code neu}, {@code "Angebot verschickt"} → {@code angebot-verschickt},
     * {@code "Kunde (gewonnen)"} → {@code kunde-gewonnen}. Two labels may give one key; a project refuses the
     * second status then, as for any taken key.
     *
     * @throws org.leadmanager.error.ValidationException if the label has no letter or digit of {@code a-z 0-9}
     *         once folded
     */
    public static StatusKey fromLabel(String label) {
        String key = slug(label);
        if (key.length() > 40) {
            key = key.substring(0, 40).replaceAll("-+$", "");
        }
        if (key.isEmpty()) {
            throw org.leadmanager.error.ValidationException.of("StatusKey", "Pattern",
                    "a key derives from a label's letters and digits a-z, 0-9; '"
                            + org.leadmanager.domain.Text.clean(label) + "' has none",
                    "pattern", FORM.pattern());
        }
        return new StatusKey(key);
    }

    /**
     * A label folded as {@link #fromLabel} folds it, without cutting it to 40 characters: whether two labels stand
     * for the same thing, however long. Empty when the label has no letter or digit.
     */
    public static String slug(String label) {
        Objects.requireNonNull(label, "label must not be null");
        String folded = label.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return OTHER.matcher(folded).replaceAll("-").replaceAll("^-+|-+$", "");
    }

    /** {@link #FORM} without a matcher: keys are made for every lead a store reads. */
    private static boolean wellFormed(String value) {
        int length = value.length();
        if (length == 0 || length > 40) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (i == 0 || c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** Shorthand for {@code new StatusKey(value)}. */
    public static StatusKey of(String value) {
        return new StatusKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
