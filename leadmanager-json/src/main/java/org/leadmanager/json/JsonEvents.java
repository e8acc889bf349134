package org.leadmanager.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.DomainEvent.ContactCardRefreshed;
import org.leadmanager.domain.event.DomainEvent.FollowUpCancelled;
import org.leadmanager.domain.event.DomainEvent.FollowUpCompleted;
import org.leadmanager.domain.event.DomainEvent.FirstResponseBreached;
import org.leadmanager.domain.event.DomainEvent.FollowUpDue;
import org.leadmanager.domain.event.DomainEvent.FollowUpRescheduled;
import org.leadmanager.domain.event.DomainEvent.FollowUpScheduled;
import org.leadmanager.domain.event.DomainEvent.LeadAssigned;
import org.leadmanager.domain.event.DomainEvent.LeadConverted;
import org.leadmanager.domain.event.DomainEvent.LeadDisqualified;
import org.leadmanager.domain.event.DomainEvent.LeadMovedToContact;
import org.leadmanager.domain.event.DomainEvent.LeadQualified;
import org.leadmanager.domain.event.DomainEvent.LeadStatusChanged;
import org.leadmanager.domain.event.DomainEvent.LeadErased;
import org.leadmanager.domain.event.DomainEvent.LeadsMerged;
import org.leadmanager.domain.event.DomainEvent.NoteAdded;
import org.leadmanager.domain.event.DomainEvent.NoteDeleted;
import org.leadmanager.domain.event.DomainEvent.NoteEdited;
import org.leadmanager.domain.event.DomainEvent.ProjectChanged;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.spi.store.EventSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the library's events: one object per envelope,
 * {@code {"id", "type", "version", "tenant", "actor", "occurredAt", "data"}}, where {@code data} holds the event's
 * fields by name. Ids are plain strings, instants ISO 8601 in UTC with up to microseconds, absent values
 * {@code null}; each type has a stable name (the event's simple name today) and a schema version (1 for all).
 * The mapping is written out per type, so a change to a Java class cannot silently change the wire form.
 * Thread-safe.
 */
public final class JsonEvents implements EventSerializer {
    private static final int VERSION = 1;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<Class<?>, Codec<?>> byClass = new HashMap<>();
    private final Map<String, Codec<?>> byName = new HashMap<>();

    private JsonEvents() {
        add(ProjectChanged.class, (e, d) -> d.id("project", e.project()).text("change", e.change()),
                d -> new ProjectChanged(d.id("project", ProjectId::new), d.text("change")));
        add(LeadQualified.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project())
                        .id("contact", e.contact()).origin("origin", e.origin()).id("assignee", e.assignee()),
                d -> new LeadQualified(d.id("lead", LeadId::new), d.id("project", ProjectId::new), d.contact("contact"),
                        d.origin("origin"), d.userOrNull("assignee")));
        add(LeadAssigned.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project()).id("from", e.from())
                        .id("to", e.to()).reason("reason", e.reason()),
                d -> new LeadAssigned(d.id("lead", LeadId::new), d.id("project", ProjectId::new), d.userOrNull("from"),
                        d.userOrNull("to"), d.reason("reason")));
        add(LeadStatusChanged.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project())
                        .id("from", e.from()).id("to", e.to()),
                d -> new LeadStatusChanged(d.id("lead", LeadId::new), d.id("project", ProjectId::new), d.status("from"), d.status("to")));
        add(LeadConverted.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project())
                        .id("status", e.status()),
                d -> new LeadConverted(d.id("lead", LeadId::new), d.id("project", ProjectId::new), d.status("status")));
        add(LeadDisqualified.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project())
                        .id("status", e.status()).text("reason", e.reason()),
                d -> new LeadDisqualified(d.id("lead", LeadId::new), d.id("project", ProjectId::new), d.status("status"),
                        d.textOrNull("reason")));
        add(NoteAdded.class, (e, d) -> d.id("lead", e.lead()).id("note", e.note()),
                d -> new NoteAdded(d.id("lead", LeadId::new), d.id("note", NoteId::new)));
        add(NoteEdited.class, (e, d) -> d.id("lead", e.lead()).id("note", e.note()),
                d -> new NoteEdited(d.id("lead", LeadId::new), d.id("note", NoteId::new)));
        add(NoteDeleted.class, (e, d) -> d.id("lead", e.lead()).id("note", e.note()),
                d -> new NoteDeleted(d.id("lead", LeadId::new), d.id("note", NoteId::new)));
        add(ContactCardRefreshed.class, (e, d) -> d.id("lead", e.lead()).id("contact", e.contact()),
                d -> new ContactCardRefreshed(d.id("lead", LeadId::new), d.contact("contact")));
        add(LeadMovedToContact.class, (e, d) -> d.id("lead", e.lead()).id("from", e.from()).id("into", e.into()),
                d -> new LeadMovedToContact(d.id("lead", LeadId::new), d.contact("from"), d.contact("into")));
        add(LeadsMerged.class, (e, d) -> d.id("from", e.from()).id("into", e.into()).id("project", e.project()),
                d -> new LeadsMerged(d.id("from", LeadId::new), d.id("into", LeadId::new), d.id("project", ProjectId::new)));
        add(FollowUpScheduled.class, (e, d) -> d.id("followUp", e.followUp()).id("lead", e.lead())
                        .id("owner", e.owner()).instant("dueAt", e.dueAt()),
                d -> new FollowUpScheduled(d.id("followUp", FollowUpId::new), d.id("lead", LeadId::new), d.user("owner"),
                        d.instant("dueAt")));
        add(FollowUpRescheduled.class, (e, d) -> d.id("followUp", e.followUp()).id("lead", e.lead())
                        .instant("dueAt", e.dueAt()),
                d -> new FollowUpRescheduled(d.id("followUp", FollowUpId::new), d.id("lead", LeadId::new), d.instant("dueAt")));
        add(FollowUpCompleted.class, (e, d) -> d.id("followUp", e.followUp()).id("lead", e.lead()),
                d -> new FollowUpCompleted(d.id("followUp", FollowUpId::new), d.id("lead", LeadId::new)));
        add(FollowUpCancelled.class, (e, d) -> d.id("followUp", e.followUp()).id("lead", e.lead()),
                d -> new FollowUpCancelled(d.id("followUp", FollowUpId::new), d.id("lead", LeadId::new)));
        add(FollowUpDue.class, (e, d) -> d.id("followUp", e.followUp()).id("lead", e.lead())
                        .id("owner", e.owner()).instant("dueAt", e.dueAt()),
                d -> new FollowUpDue(d.id("followUp", FollowUpId::new), d.id("lead", LeadId::new), d.user("owner"), d.instant("dueAt")));
        add(FirstResponseBreached.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project())
                        .id("owner", e.owner()).id("escalatedTo", e.escalatedTo()).instant("deadline", e.deadline()),
                d -> new FirstResponseBreached(d.id("lead", LeadId::new), d.id("project", ProjectId::new),
                        d.userOrNull("owner"), d.user("escalatedTo"), d.instant("deadline")));
        add(LeadErased.class, (e, d) -> d.id("lead", e.lead()).id("project", e.project())
                        .id("contact", e.contact()).text("reason", e.reason().name()),
                d -> new LeadErased(d.id("lead", LeadId::new), d.id("project", ProjectId::new), d.contact("contact"),
                        ErasureReason.valueOf(d.text("reason"))));
        for (Class<?> type : DomainEvent.class.getPermittedSubclasses()) {
            if (!byClass.containsKey(type)) {
                throw new IllegalStateException("no JSON form for " + type.getName());
            }
        }
    }

    /** The serializer; one instance serves any number of threads. */
    public static JsonEvents create() {
        return new JsonEvents();
    }

    /** The type names this serializer reads and writes, one per event type. */
    public List<String> typeNames() {
        return byName.keySet().stream().sorted().toList();
    }

    @Override
    public String typeName(DomainEvent event) {
        return codec(event).name;
    }

    @Override
    public int schemaVersion(DomainEvent event) {
        codec(event);
        return VERSION;
    }

    @Override
    public String serialize(EventEnvelope envelope) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", envelope.id().toString());
        root.put("type", typeName(envelope.event()));
        root.put("version", VERSION);
        root.put("tenant", envelope.tenant().value());
        root.put("actor", envelope.actor().value());
        root.put("occurredAt", envelope.occurredAt().toString());
        root.set("data", write(envelope.event()));
        return mapper.writeValueAsString(root);
    }

    /** The {@code data} object of an event alone. */
    ObjectNode write(DomainEvent event) {
        Data data = new Data(mapper.createObjectNode());
        writeWith(codec(event), event, data);
        return data.node;
    }

    private <E extends DomainEvent> void writeWith(Codec<E> codec, DomainEvent event, Data data) {
        codec.writer.write(codec.type.cast(event), data);
    }

    /** Every type this library knows, in schema versions 1 to the one it writes. */
    @Override
    public boolean reads(String typeName, int schemaVersion) {
        return byName.containsKey(typeName) && schemaVersion >= 1 && schemaVersion <= VERSION;
    }

    @Override
    public EventEnvelope deserialize(String text) {
        if (text == null) {
            throw new UnreadableEventException("no text", null);
        }
        try {
            JsonNode root = mapper.readTree(text);
            Fields envelope = new Fields(root, "");
            String type = envelope.text("type");
            Codec<?> codec = byName.get(type);
            if (codec == null) {
                throw new UnreadableEventException("unknown event type '" + type + "'", null);
            }
            int version = envelope.integer("version");
            if (version < 1 || version > VERSION) {
                throw new UnreadableEventException("event type '" + type + "' has no schema version " + version
                        + " (this library writes " + VERSION + ")", null);
            }
            JsonNode data = root.get("data");
            if (data == null || !data.isObject()) {
                throw new UnreadableEventException("no data object", null);
            }
            DomainEvent event = codec.reader.apply(new Fields(data, "data."));
            return new EventEnvelope(envelope.uuid("id"), TenantId.of(envelope.text("tenant")),
                    UserId.of(envelope.text("actor")), envelope.instant("occurredAt"), event);
        } catch (UnreadableEventException e) {
            throw e;
        } catch (JacksonException | LeadManagerException | IllegalArgumentException | NullPointerException
                 | DateTimeParseException e) {
            throw new UnreadableEventException("not a serialized event envelope: " + e.getMessage(), e);
        }
    }

    private Codec<?> codec(DomainEvent event) {
        Codec<?> codec = byClass.get(event.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no JSON form for " + event.getClass().getName());
        }
        return codec;
    }

    private <E extends DomainEvent> void add(Class<E> type, Writer<E> writer, Function<Fields, E> reader) {
        Codec<E> codec = new Codec<>(type.getSimpleName(), type, writer, reader);
        byClass.put(type, codec);
        byName.put(codec.name, codec);
    }

    private record Codec<E extends DomainEvent>(String name, Class<E> type, Writer<E> writer,
            Function<Fields, E> reader) {
    }

    @FunctionalInterface
    private interface Writer<E> {
        void write(E event, Data data);
    }

    /** Writes fields of a {@code data} object. */
    private static final class Data {
        private final ObjectNode node;

        Data(ObjectNode node) {
            this.node = node;
        }

        /** Any id, by its string form; null as JSON null. */
        Data id(String name, Object id) {
            if (id == null) {
                node.putNull(name);
            } else if (id instanceof UserId user) {
                node.put(name, user.value());
            } else if (id instanceof ContactId contact) {
                node.put(name, contact.value());
            } else if (id instanceof StatusKey status) {
                node.put(name, status.value());
            } else {
                node.put(name, id.toString());
            }
            return this;
        }

        Data text(String name, String value) {
            node.put(name, value);
            return this;
        }

        Data instant(String name, Instant value) {
            node.put(name, value.toString());
            return this;
        }

        Data origin(String name, Origin origin) {
            return why(name, origin.kind(), "reference", origin.reference(), origin.by());
        }

        Data reason(String name, OwnerReason reason) {
            return why(name, reason.kind(), "detail", reason.detail(), reason.by());
        }

        /** An origin or owner reason: {@code {"kind", <detail>, "by"}}. */
        private Data why(String name, Enum<?> kind, String detailName, String detail, UserId by) {
            ObjectNode o = node.putObject(name);
            o.put("kind", kind.name());
            o.put(detailName, detail);
            o.put("by", by.value());
            return this;
        }
    }

    /** Reads fields of an object; a missing or mistyped field fails with its path. */
    private static final class Fields {
        private final JsonNode node;
        private final String path;

        Fields(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        String text(String name) {
            String value = textOrNull(name);
            if (value == null) {
                throw new IllegalArgumentException(path + name + " is missing");
            }
            return value;
        }

        String textOrNull(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                throw new IllegalArgumentException(path + name + " is not a string");
            }
            return value.stringValue();
        }

        int integer(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isInt()) {
                throw new IllegalArgumentException(path + name + " is not a number");
            }
            return value.intValue();
        }

        UUID uuid(String name) {
            return UUID.fromString(text(name));
        }

        Instant instant(String name) {
            return Instant.parse(text(name));
        }

        /** A library id (lead, project, note, follow-up) from its UUID. */
        <T> T id(String name, Function<UUID, T> type) {
            return type.apply(uuid(name));
        }

        ContactId contact(String name) {
            return ContactId.of(text(name));
        }

        UserId user(String name) {
            return UserId.of(text(name));
        }

        UserId userOrNull(String name) {
            String value = textOrNull(name);
            return value == null ? null : UserId.of(value);
        }

        StatusKey status(String name) {
            return StatusKey.of(text(name));
        }

        Origin origin(String name) {
            Fields o = object(name);
            return new Origin(OriginKind.valueOf(o.text("kind")), o.textOrNull("reference"), o.user("by"));
        }

        OwnerReason reason(String name) {
            Fields o = object(name);
            return new OwnerReason(OwnerReasonKind.valueOf(o.text("kind")), o.textOrNull("detail"), o.user("by"));
        }

        private Fields object(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isObject()) {
                throw new IllegalArgumentException(path + name + " is not an object");
            }
            return new Fields(value, path + name + ".");
        }
    }
}
