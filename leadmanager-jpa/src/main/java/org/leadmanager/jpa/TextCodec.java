package org.leadmanager.jpa;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;

/**
 * A small text format for the value objects stored in one column: {@code key=value} lines; values are lists
 * separated by {@code ,}, list items are records whose fields are separated by {@code :}; every field is
 * URL-encoded (so none contains a separator) and {@code ~} stands for null. Readable in a SQL console and
 * round-trips exactly. Unknown keys are ignored and missing ones take their default, so fields can be added.
 */
final class TextCodec {
    private static final String NULL = "~";

    private TextCodec() {
    }

    // ---- criteria of saved searches

    static String criteria(LeadCriteria c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("v", "1");
        m.put("statuses", list(c.statuses(), StatusKey::value));
        m.put("assignees", list(c.assignees(), UserId::value));
        m.put("unassigned", Boolean.toString(c.unassigned()));
        m.put("text", field(c.text()));
        m.put("fields", c.fields().entrySet().stream()
                .map(e -> e.getKey().name() + ":" + field(e.getValue()))
                .sorted().collect(Collectors.joining(",")));
        m.put("sources", list(c.sources(), MarketingActionId::toString));
        m.put("createdFrom", instant(c.createdFrom()));
        m.put("createdTo", instant(c.createdTo()));
        m.put("activityFrom", instant(c.activityFrom()));
        m.put("activityTo", instant(c.activityTo()));
        m.put("hasOpenFollowUp", c.hasOpenFollowUp() == null ? NULL : c.hasOpenFollowUp().toString());
        m.put("followUpDueBefore", instant(c.followUpDueBefore()));
        return write(m);
    }

    static LeadCriteria criteria(String text) {
        Map<String, String> m = read(text);
        Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
        for (String item : items(m.get("fields"))) {
            String[] f = item.split(":", -1);
            fields.put(ContactField.valueOf(f[0]), unfield(f[1]));
        }
        String open = m.getOrDefault("hasOpenFollowUp", NULL);
        return new LeadCriteria(
                set(m.get("statuses"), StatusKey::of),
                set(m.get("assignees"), UserId::of),
                Boolean.parseBoolean(m.get("unassigned")),
                unfield(m.getOrDefault("text", NULL)),
                fields,
                set(m.get("sources"), MarketingActionId::parse),
                toInstant(m.get("createdFrom")),
                toInstant(m.get("createdTo")),
                toInstant(m.get("activityFrom")),
                toInstant(m.get("activityTo")),
                NULL.equals(open) ? null : Boolean.valueOf(open),
                toInstant(m.get("followUpDueBefore")));
    }

    // ---- project configuration

    static String statuses(List<LeadStatus> statuses) {
        return statuses.stream()
                .map(s -> field(s.key().value()) + ":" + field(s.label()) + ":" + s.category().name())
                .collect(Collectors.joining(","));
    }

    static List<LeadStatus> statuses(String text) {
        List<LeadStatus> result = new ArrayList<>();
        for (String item : items(text)) {
            String[] f = item.split(":", -1);
            result.add(new LeadStatus(StatusKey.of(unfield(f[0])), unfield(f[1]), StatusCategory.valueOf(f[2])));
        }
        return result;
    }

    /** {@code from:to;to,...}; an entry with no targets (a status that may move nowhere) is kept. */
    static String transitions(Map<StatusKey, Set<StatusKey>> transitions) {
        return transitions.entrySet().stream()
                .map(e -> field(e.getKey().value()) + ":" + e.getValue().stream().map(k -> field(k.value()))
                        .sorted().collect(Collectors.joining(";")))
                .collect(Collectors.joining(","));
    }

    static Map<StatusKey, Set<StatusKey>> transitions(String text) {
        Map<StatusKey, Set<StatusKey>> result = new LinkedHashMap<>();
        for (String item : items(text)) {
            String[] f = item.split(":", -1);
            Set<StatusKey> targets = new LinkedHashSet<>();
            for (String to : f[1].isEmpty() ? new String[0] : f[1].split(";")) {
                targets.add(StatusKey.of(unfield(to)));
            }
            result.put(StatusKey.of(unfield(f[0])), targets);
        }
        return result;
    }

    static String users(List<UserId> users) {
        return users.stream().map(u -> field(u.value())).collect(Collectors.joining(","));
    }

    static List<UserId> users(String text) {
        return items(text).stream().map(t -> UserId.of(unfield(t))).toList();
    }

    static String assignment(AssignmentPolicy policy) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("strategy", policy.strategy().name());
        m.put("fallback", policy.fallback() == null ? NULL : field(policy.fallback().value()));
        m.put("rules", policy.rules().stream()
                .map(r -> field(r.name()) + ":" + r.field().name() + ":" + field(r.value()) + ":"
                        + field(r.assignee().value()))
                .collect(Collectors.joining(",")));
        return write(m);
    }

    static AssignmentPolicy assignment(String text) {
        Map<String, String> m = read(text);
        List<AssignmentRule> rules = new ArrayList<>();
        for (String item : items(m.get("rules"))) {
            String[] f = item.split(":", -1);
            rules.add(new AssignmentRule(unfield(f[0]), ContactField.valueOf(f[1]), unfield(f[2]),
                    UserId.of(unfield(f[3]))));
        }
        String fallback = unfield(m.getOrDefault("fallback", NULL));
        return new AssignmentPolicy(rules, AssignmentStrategy.valueOf(m.get("strategy")),
                fallback == null ? null : UserId.of(fallback));
    }

    static <T> String list(Collection<T> values, Function<T, String> toText) {
        return values.stream().map(v -> field(toText.apply(v))).sorted().collect(Collectors.joining(","));
    }

    static <T> Set<T> set(String text, Function<String, T> parse) {
        Set<T> result = new LinkedHashSet<>();
        for (String item : items(text)) {
            result.add(parse.apply(unfield(item)));
        }
        return result;
    }

    // ---- primitives

    private static String write(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> read(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private static List<String> items(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    private static String field(String value) {
        return value == null ? NULL : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unfield(String text) {
        return NULL.equals(text) ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String instant(Instant value) {
        return value == null ? NULL : value.toString();
    }

    private static Instant toInstant(String text) {
        return text == null || NULL.equals(text) ? null : Instant.parse(text);
    }
}
