package org.leadmanager;

import java.util.ArrayList;
import java.util.List;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.event.Timeline;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;

/** Reads a lead's timeline: its qualification, then the entries its changes recorded, in commit order. */
final class LeadTimeline {
    private final Context ctx;

    LeadTimeline(Context ctx) {
        this.ctx = ctx;
    }

    List<Activity> of(Actor actor, LeadId id) {
        return ctx.read(s -> {
            Lead lead = ctx.viewableLead(s, actor, id);
            List<Activity> entries = new ArrayList<>();
            // the qualification is stored on the lead itself (bulk paths write one row per lead), shown as first entry
            entries.add(Timeline.qualified(lead));
            entries.addAll(s.activities().findByLead(actor.tenant(), id));
            return entries;
        });
    }

    List<StatusChange> statusHistory(Actor actor, LeadId id) {
        return of(actor, id).stream()
                .filter(a -> a.type() == ActivityType.STATUS_CHANGED)
                .map(a -> new StatusChange(a.at(), a.actor(), StatusKey.of(a.from()), StatusKey.of(a.to()), a.text()))
                .toList();
    }
}
