package org.leadmanager.domain.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OriginKind;

/**
 * A lead's timeline entries, derived from the events of a change: the one way entries come to be, so the timeline
 * says what the events say. Events that are no entry of their own: {@code LeadQualified} (the lead's first entry
 * is read from the lead itself), {@code LeadConverted} (its status change is the entry), {@code LeadDisqualified}
 * (its reason becomes the text of its status change) and {@code ProjectChanged}.
 */
public final class Timeline {
    /** The text of the entry that ends the entries folded in from the lead of a merged contact. */
    private static final String FOLDED = "lead of merged contact folded in";

    private Timeline() {
    }

    /**
     * The first entry of a lead's timeline, its qualification, read from the lead: number 1, at its creation, by
     * whoever qualified it, the text naming its source ({@code MANUAL}, {@code GROUP <group>}, {@code ACTION
     * <action>}).
     */
    public static Activity qualified(Lead lead) {
        return new Activity(lead.tenant(), lead.id(), 1, lead.createdAt(), lead.origin().by(),
                ActivityType.QUALIFIED, null, null, sourceText(lead.origin()));
    }

    /**
     * The qualification entry a lead of a merged contact leaves in the timeline of the lead it is folded into, as
     * the first of its entries there: as {@link #qualified}, also saying the status ({@code to}) and owner
     * ({@code from}, null when it had none) the lead had when folded, which its own entries do not say when they
     * never changed them.
     */
    public static Activity folded(Lead lead) {
        return new Activity(lead.tenant(), lead.id(), 1, lead.createdAt(), lead.origin().by(),
                ActivityType.QUALIFIED, lead.assignee() == null ? null : lead.assignee().value(),
                lead.status().value(), sourceText(lead.origin()));
    }

    /** Whether the entry ends the entries folded in from the lead of a merged contact. */
    public static boolean isFold(Activity entry) {
        return entry.type() == ActivityType.MERGED && FOLDED.equals(entry.text());
    }

    /** The source a qualification entry names ({@link #qualified}), with its author as qualifier. */
    public static Origin originOf(Activity qualified) {
        if (qualified.type() != ActivityType.QUALIFIED || qualified.text() == null) {
            throw new IllegalArgumentException("not a qualification entry: " + qualified);
        }
        String text = qualified.text();
        int space = text.indexOf(' ');
        OriginKind kind = OriginKind.valueOf(space < 0 ? text : text.substring(0, space));
        return new Origin(kind, space < 0 ? null : text.substring(space + 1), qualified.actor());
    }

    private static String sourceText(Origin origin) {
        return origin.kind() + (origin.reference() == null ? "" : " " + origin.reference());
    }

    /**
     * The unnumbered entries a change adds, in the order of its events.
     *
     * @param change what a command decided; its state supplies what events do not carry (a follow-up's note)
     * @param actor  who made the change
     * @param at     when the change's call began
     */
    public static List<Activity> entries(Changed<?> change, TenantId tenant, UserId actor, Instant at) {
        List<Activity> entries = new ArrayList<>(change.events().size());
        for (DomainEvent event : change.events()) {
            if (event instanceof DomainEvent.LeadDisqualified lost) {
                giveReason(entries, lost);
                continue;
            }
            Entry entry = entry(event, change.state());
            if (entry != null) {
                entries.add(Activity.unnumbered(tenant, entry.lead, at, actor, entry.type, entry.from, entry.to,
                        entry.text));
            }
        }
        return entries;
    }

    private record Entry(LeadId lead, ActivityType type, String from, String to, String text) {
        Entry(LeadId lead, ActivityType type, Object from, Object to, String text) {
            this(lead, type, from == null ? null : from.toString(), to == null ? null : to.toString(), text);
        }
    }

    /** The entry of one event, or null when the event is no entry of its own. */
    private static Entry entry(DomainEvent event, Object state) {
        if (event instanceof DomainEvent.LeadAssigned e) {
            return new Entry(e.lead(), e.to() == null ? ActivityType.UNASSIGNED : ActivityType.ASSIGNED, e.from(),
                    e.to(), null);
        } else if (event instanceof DomainEvent.LeadStatusChanged e) {
            return new Entry(e.lead(), ActivityType.STATUS_CHANGED, e.from(), e.to(), null);
        } else if (event instanceof DomainEvent.NoteAdded e) {
            return new Entry(e.lead(), ActivityType.NOTE_ADDED, null, e.note(), null);
        } else if (event instanceof DomainEvent.NoteEdited e) {
            return new Entry(e.lead(), ActivityType.NOTE_EDITED, null, e.note(), null);
        } else if (event instanceof DomainEvent.NoteDeleted e) {
            return new Entry(e.lead(), ActivityType.NOTE_DELETED, null, e.note(), null);
        } else if (event instanceof DomainEvent.ContactCardRefreshed e) {
            return new Entry(e.lead(), ActivityType.CARD_REFRESHED, null, null, null);
        } else if (event instanceof DomainEvent.LeadMovedToContact e) {
            return new Entry(e.lead(), ActivityType.MERGED, e.from(), e.into(), "contact merged");
        } else if (event instanceof DomainEvent.LeadsMerged e) {
            return new Entry(e.into(), ActivityType.MERGED, e.from(), e.into(), FOLDED);
        } else if (event instanceof DomainEvent.FollowUpScheduled e) {
            String note = state instanceof FollowUp f && f.id().equals(e.followUp()) ? f.note() : null;
            return new Entry(e.lead(), ActivityType.FOLLOW_UP_SCHEDULED, null, e.dueAt(), note);
        } else if (event instanceof DomainEvent.FollowUpRescheduled e) {
            return new Entry(e.lead(), ActivityType.FOLLOW_UP_RESCHEDULED, null, e.dueAt(), null);
        } else if (event instanceof DomainEvent.FollowUpCompleted e) {
            return new Entry(e.lead(), ActivityType.FOLLOW_UP_COMPLETED, null, e.followUp(), null);
        } else if (event instanceof DomainEvent.FollowUpCancelled e) {
            return new Entry(e.lead(), ActivityType.FOLLOW_UP_CANCELLED, null, e.followUp(), null);
        } else if (event instanceof DomainEvent.FollowUpDue e) {
            return new Entry(e.lead(), ActivityType.FOLLOW_UP_REMINDED, null, e.followUp(), null);
        } else if (event instanceof DomainEvent.FirstResponseBreached e) {
            return new Entry(e.lead(), ActivityType.FIRST_RESPONSE_BREACHED, e.owner(), e.escalatedTo(), null);
        }
        // LeadQualified, LeadConverted, LeadDisqualified, ProjectChanged; LeadErased, whose lead and timeline are gone
        return null;
    }

    /** A disqualification's reason is the text of the status change it follows. */
    private static void giveReason(List<Activity> entries, DomainEvent.LeadDisqualified lost) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Activity a = entries.get(i);
            if (a.lead().equals(lost.lead()) && a.type() == ActivityType.STATUS_CHANGED) {
                entries.set(i, new Activity(a.tenant(), a.lead(), a.sequence(), a.at(), a.actor(), a.type(), a.from(),
                        a.to(), lost.reason()));
                return;
            }
        }
    }
}
