package org.leadmanager.domain.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.StatusKey;

/**
 * Filter over the leads of one project. Empty sets and null values mean "any". Ranges are
 * {@code [from, to)}; instants are kept to the microsecond and must lie within
 * {@link org.leadmanager.domain.Times}. Build with {@link #all()} and the {@code with...} methods.
 *
 * @param statuses          the ticked statuses; empty = all
 * @param assignees         leads owned by one of these users ...
 * @param unassigned        ... or (when true) leads owned by nobody; both empty/false = any owner
 * @param text              words that each begin a word of the contact's name, e-mail or company, folded as
 *                          {@link SearchWords} describes (case, accents, umlauts and ß); null = any
 * @param fields            contact fields that must equal the value, ignoring case
 * @param sources           leads that came from one of these marketing actions; empty = any origin
 * @param createdFrom       nullable
 * @param createdTo         nullable
 * @param activityFrom      last activity at or after; nullable
 * @param activityTo        last activity before; nullable
 * @param hasOpenFollowUp   true: only leads with an open follow-up; false: only leads without; null = any
 * @param followUpDueBefore only leads whose earliest open follow-up is due before this; nullable
 * @param responseDueBefore only leads whose first-response deadline runs and falls before this
 *                          ({@link Lead#responseDueAt}): the breached ones with {@code now}, those due within an
 *                          hour with {@code now} plus an hour; nullable
 */
public record LeadCriteria(Set<StatusKey> statuses, Set<UserId> assignees, boolean unassigned, String text,
        Map<ContactField, String> fields, Set<MarketingActionId> sources, Instant createdFrom, Instant createdTo,
        Instant activityFrom, Instant activityTo, Boolean hasOpenFollowUp, Instant followUpDueBefore,
        Instant responseDueBefore) {

    private static final LeadCriteria ALL = new LeadCriteria(Set.of(), Set.of(), false, null, Map.of(), Set.of(),
            null, null, null, null, null, null, null);

    public LeadCriteria {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        assignees = Set.copyOf(Objects.requireNonNull(assignees, "assignees"));
        text = text == null || text.isBlank() ? null : text.strip();
        Objects.requireNonNull(fields, "fields");
        fields = fields.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fields));
        sources = Set.copyOf(Objects.requireNonNull(sources, "sources"));
        createdFrom = micros(createdFrom);
        createdTo = micros(createdTo);
        activityFrom = micros(activityFrom);
        activityTo = micros(activityTo);
        followUpDueBefore = micros(followUpDueBefore);
        responseDueBefore = micros(responseDueBefore);
    }

    /** Instants are kept to the microsecond, the precision every store keeps. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** No restriction. */
    public static LeadCriteria all() {
        return ALL;
    }

    public LeadCriteria withStatuses(StatusKey... keys) {
        return withStatuses(Set.copyOf(Arrays.asList(keys)));
    }

    public LeadCriteria withStatuses(Set<StatusKey> keys) {
        return new LeadCriteria(keys, assignees, unassigned, text, fields, sources, createdFrom, createdTo,
                activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withAssignees(UserId... users) {
        return new LeadCriteria(statuses, Set.copyOf(Arrays.asList(users)), unassigned, text, fields, sources,
                createdFrom, createdTo, activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    /** Also (or only, without assignees) leads owned by nobody. */
    public LeadCriteria withUnassigned(boolean include) {
        return new LeadCriteria(statuses, assignees, include, text, fields, sources, createdFrom, createdTo,
                activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withText(String search) {
        return new LeadCriteria(statuses, assignees, unassigned, search, fields, sources, createdFrom, createdTo,
                activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withField(ContactField field, String value) {
        Map<ContactField, String> next = new EnumMap<>(ContactField.class);
        next.putAll(fields);
        next.put(field, value);
        return new LeadCriteria(statuses, assignees, unassigned, text, next, sources, createdFrom, createdTo,
                activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withSources(MarketingActionId... actions) {
        return new LeadCriteria(statuses, assignees, unassigned, text, fields, Set.copyOf(Arrays.asList(actions)),
                createdFrom, createdTo, activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withCreated(Instant from, Instant to) {
        return new LeadCriteria(statuses, assignees, unassigned, text, fields, sources, from, to, activityFrom,
                activityTo, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withLastActivity(Instant from, Instant to) {
        return new LeadCriteria(statuses, assignees, unassigned, text, fields, sources, createdFrom, createdTo, from,
                to, hasOpenFollowUp, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withOpenFollowUp(Boolean required) {
        return new LeadCriteria(statuses, assignees, unassigned, text, fields, sources, createdFrom, createdTo,
                activityFrom, activityTo, required, followUpDueBefore, responseDueBefore);
    }

    public LeadCriteria withFollowUpDueBefore(Instant before) {
        return new LeadCriteria(statuses, assignees, unassigned, text, fields, sources, createdFrom, createdTo,
                activityFrom, activityTo, hasOpenFollowUp, before, responseDueBefore);
    }

    /** Only leads whose first-response deadline runs and falls before {@code before}; null: any. */
    public LeadCriteria withResponseDueBefore(Instant before) {
        return new LeadCriteria(statuses, assignees, unassigned, text, fields, sources, createdFrom, createdTo,
                activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore, before);
    }

    /** Whether the owner part restricts anything. */
    public boolean restrictsAssignee() {
        return unassigned || !assignees.isEmpty();
    }

    /**
     * Whether statuses and owners are all these criteria restrict, so that a lead's status and owner alone decide
     * whether it matches (then counts per status come from kept tallies, not from the leads).
     */
    public boolean onlyStatusesAndOwners() {
        return text == null && fields.isEmpty() && sources.isEmpty() && createdFrom == null && createdTo == null
                && activityFrom == null && activityTo == null && hasOpenFollowUp == null && followUpDueBefore == null
                && responseDueBefore == null;
    }

    /** The reference semantics of these criteria; every store must agree with it. */
    public boolean matches(Lead lead) {
        if (!statuses.isEmpty() && !statuses.contains(lead.status())) {
            return false;
        }
        if (restrictsAssignee()) {
            boolean owned = lead.assignee() == null ? unassigned : assignees.contains(lead.assignee());
            if (!owned) {
                return false;
            }
        }
        ContactCard card = lead.card();
        if (text != null && !SearchWords.matches(text, card)) {
            return false;
        }
        for (Map.Entry<ContactField, String> e : fields.entrySet()) {
            String actual = e.getKey().of(card);
            if (actual == null || !actual.equalsIgnoreCase(e.getValue().strip())) {
                return false;
            }
        }
        if (!sources.isEmpty() && (lead.origin().kind() != OriginKind.ACTION
                || sources.stream().noneMatch(s -> s.toString().equals(lead.origin().reference())))) {
            return false;
        }
        return within(lead.createdAt(), createdFrom, createdTo)
                && within(lead.lastActivityAt(), activityFrom, activityTo)
                && (hasOpenFollowUp == null || hasOpenFollowUp == (lead.nextFollowUpAt() != null))
                && (followUpDueBefore == null
                        || lead.nextFollowUpAt() != null && lead.nextFollowUpAt().isBefore(followUpDueBefore))
                && (responseDueBefore == null
                        || lead.responseDueAt() != null && lead.responseDueAt().isBefore(responseDueBefore));
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
}
