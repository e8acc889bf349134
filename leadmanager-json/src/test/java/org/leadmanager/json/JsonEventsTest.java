package org.leadmanager.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.spi.store.EventSerializer.UnreadableEventException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonEventsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `(\\{.*})` \\|$");

    private final JsonEvents json = JsonEvents.create();

    @Test
    void everyEventTypeHasAStableNameOfItsOwn() {
        List<String> permitted = Arrays.stream(DomainEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName).sorted().toList();
        assertEquals(permitted, json.typeNames());
    }

    @Test
    void theEnvelopeIsFlatWithPlainStringsAndIsoInstants() {
        EventEnvelope envelope = new EventEnvelope(UUID.fromString("0193a5e0-0000-7000-8000-000000000001"),
                TenantId.of("acme"), UserId.of("anna"), Instant.parse("2026-11-30T10:15:30.123456Z"),
                new DomainEvent.LeadStatusChanged(LeadId.parse("0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70"),
                        new ProjectId(UUID.fromString("0193a5b0-1111-7222-8333-444455556666")), StatusKey.of("new"),
                        StatusKey.of("contacted")));

        JsonNode tree = MAPPER.readTree(json.serialize(envelope));

        assertEquals("0193a5e0-0000-7000-8000-000000000001", tree.get("id").stringValue());
        assertEquals("LeadStatusChanged", tree.get("type").stringValue());
        assertEquals(1, tree.get("version").intValue());
        assertEquals("acme", tree.get("tenant").stringValue());
        assertEquals("anna", tree.get("actor").stringValue());
        assertEquals("2026-11-30T10:15:30.123456Z", tree.get("occurredAt").stringValue());
        assertEquals(MAPPER.readTree("{\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\","
                + "\"project\":\"0193a5b0-1111-7222-8333-444455556666\",\"from\":\"new\",\"to\":\"contacted\"}"),
                tree.get("data"));
        assertEquals(envelope, json.deserialize(json.serialize(envelope)));
    }

    /** The README's table shows each type's data; each row reads back and writes again to exactly that. */
    @Test
    void theReadmeShowsEveryTypeAndEachExampleRoundTrips() throws Exception {
        List<String> shown = new ArrayList<>();
        for (String line : Files.readAllLines(readme(), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String type = row.group(1);
            shown.add(type);
            String text = "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"" + type
                    + "\",\"version\":1,\"tenant\":\"acme\",\"actor\":\"anna\","
                    + "\"occurredAt\":\"2026-11-30T10:15:30.123456Z\",\"data\":" + row.group(2) + "}";
            EventEnvelope read = json.deserialize(text);
            assertEquals(type, json.typeName(read.event()));
            assertEquals(MAPPER.readTree(row.group(2)), MAPPER.readTree(json.serialize(read)).get("data"),
                    "the README's example of " + type);
        }
        assertEquals(json.typeNames(), shown.stream().sorted().toList(), "one README row per type");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "{}", "null",
        "{\"id\":\"x\",\"type\":\"NoteAdded\",\"version\":1,\"tenant\":\"acme\",\"actor\":\"anna\","
                + "\"occurredAt\":\"2026-11-30T10:15:30Z\",\"data\":{\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\","
                + "\"note\":\"0193a5c0-aaaa-7bbb-8ccc-dddddddddddd\"}}",
        "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"LeadRenamed\",\"version\":1,\"tenant\":\"acme\","
                + "\"actor\":\"anna\",\"occurredAt\":\"2026-11-30T10:15:30Z\",\"data\":{}}",
        "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"NoteAdded\",\"version\":2,\"tenant\":\"acme\","
                + "\"actor\":\"anna\",\"occurredAt\":\"2026-11-30T10:15:30Z\",\"data\":{"
                + "\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\",\"note\":\"0193a5c0-aaaa-7bbb-8ccc-dddddddddddd\"}}",
        "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"NoteAdded\",\"version\":1,\"tenant\":\"acme\","
                + "\"actor\":\"anna\",\"occurredAt\":\"yesterday\",\"data\":{"
                + "\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\",\"note\":\"0193a5c0-aaaa-7bbb-8ccc-dddddddddddd\"}}",
        "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"NoteAdded\",\"version\":1,\"tenant\":\"acme\","
                + "\"actor\":\"anna\",\"occurredAt\":\"2026-11-30T10:15:30Z\",\"data\":{"
                + "\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\"}}",
        "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"NoteAdded\",\"version\":1,\"tenant\":\"\\u0000\","
                + "\"actor\":\"anna\",\"occurredAt\":\"2026-11-30T10:15:30Z\",\"data\":{"
                + "\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\",\"note\":\"0193a5c0-aaaa-7bbb-8ccc-dddddddddddd\"}}",
        "{\"id\":\"0193a5e0-0000-7000-8000-000000000001\",\"type\":\"LeadAssigned\",\"version\":1,\"tenant\":\"acme\","
                + "\"actor\":\"anna\",\"occurredAt\":\"2026-11-30T10:15:30Z\",\"data\":{"
                + "\"lead\":\"0193a5b2-7c1e-7d40-9f3a-2b8c4d5e6f70\",\"project\":\"0193a5b0-1111-7222-8333-444455556666\","
                + "\"from\":null,\"to\":\"ben\",\"reason\":{\"kind\":\"GUESS\",\"detail\":null,\"by\":\"anna\"}}}"
    })
    void textThatIsNotAnEnvelopeIsUnreadableWithAReason(String text) {
        UnreadableEventException e = assertThrows(UnreadableEventException.class, () -> json.deserialize(text));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    /** It reads every type it writes in versions 1 to its own, and nothing a newer library alone writes. */
    @Test
    void readsEveryKnownTypeUpToItsOwnVersionOnly() {
        for (String type : json.typeNames()) {
            assertTrue(json.reads(type, 1), type);
            assertFalse(json.reads(type, 2), type + " in a version this library does not write");
            assertFalse(json.reads(type, 0), type + " in version 0");
        }
        assertFalse(json.reads("LeadTeleported", 1));
    }

    @Test
    void nullTextIsUnreadable() {
        assertThrows(UnreadableEventException.class, () -> json.deserialize(null));
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("leadmanager-json"))) {
                return candidate;
            }
        }
        throw new AssertionError("no README.md beside leadmanager-json above " + Path.of("").toAbsolutePath());
    }
}
