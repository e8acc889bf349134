package org.leadmanager.domain.project;

import java.util.Objects;
import org.leadmanager.domain.Text;

/**
 * One entry of a project's status list. Its position in the list is its sort order.
 *
 * @param key      stable key, non-null
 * @param label    display label, non-blank, at most 200 characters
 * @param category OPEN, WON or LOST, non-null
 */
public record LeadStatus(StatusKey key, String label, StatusCategory category) {

    public LeadStatus {
        Objects.requireNonNull(key, "key must not be null");
        label = Text.required(label, "LeadStatus.label", Text.MAX_NAME);
        Objects.requireNonNull(category, "category must not be null");
    }

    /**
     * A status whose key is derived from its label by {@link StatusKey#fromLabel}: {@code of("Neu", OPEN)} has
     * the key {@code neu}, {@code of("Angebot verschickt", OPEN)} the key {@code angebot-verschickt}.
     */
    public static LeadStatus of(String label, StatusCategory category) {
        return new LeadStatus(StatusKey.fromLabel(label), label, category);
    }

    /** Convenience for {@code new LeadStatus(StatusKey.of(key), label, category)}. */
    public static LeadStatus of(String key, String label, StatusCategory category) {
        return new LeadStatus(StatusKey.of(key), label, category);
    }
}
