package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.error.StaleModificationException;

/**
 * {@link RetentionJob}: per rule, pages of the project's leads untouched since the rule's cutoff (oldest first,
 * through the store's lead search), each erased in its own unit of work as the system actor after a check under its
 * lock. A lead another node erased first, or that changed meanwhile, is skipped.
 */
final class Retention implements RetentionJob {
    private final Context ctx;
    private final Options options;
    private final Poller poller;

    Retention(Context ctx, Options options) {
        this.ctx = ctx;
        this.options = options;
        this.poller = new Poller("retention job", "leadmanager-retention", this::eraseDue, options.pollInterval(), 1);
    }

    @Override
    public List<Due> dryRun(int limit) {
        List<Due> due = new ArrayList<>();
        Instant now = ctx.now();
        for (RetentionRule rule : options.rules()) {
            Keyset after = null;
            while (due.size() < limit) {
                List<Lead> page = page(rule, now, after, Math.min(options.batchSize(), limit - due.size()));
                page.forEach(lead -> due.add(new Due(rule, lead.id(), lead.lastActivityAt())));
                if (page.isEmpty()) {
                    break;
                }
                Lead last = page.get(page.size() - 1);
                after = new Keyset(last.lastActivityAt(), last.id());
            }
        }
        return due;
    }

    @Override
    public int eraseDue() {
        int erased = 0;
        for (RetentionRule rule : options.rules()) {
            Keyset after = null;
            while (!poller.stopping()) {
                Instant now = ctx.now();
                List<Lead> page = page(rule, now, after, options.batchSize());
                if (page.isEmpty()) {
                    break;
                }
                for (Lead lead : page) {
                    if (erase(rule, lead)) {
                        erased++;
                    }
                }
                Lead last = page.get(page.size() - 1);
                after = new Keyset(last.lastActivityAt(), last.id());
            }
        }
        return erased;
    }

    /** The rule's project's leads past its cutoff, oldest first, after the keyset; none if the project is gone. */
    private List<Lead> page(RetentionRule rule, Instant now, Keyset after, int limit) {
        return ctx.read(s -> {
            Optional<Project> project = s.projects().find(rule.tenant(), rule.project());
            if (project.isEmpty()) {
                return List.of();
            }
            LeadCriteria criteria = LeadCriteria.all().withLastActivity(null, rule.cutoff(now));
            if (rule.kind() == RetentionRule.Kind.LOST) {
                Set<StatusKey> lost = project.get().statuses().stream()
                        .filter(st -> st.category() == StatusCategory.LOST).map(LeadStatus::key)
                        .collect(Collectors.toSet());
                if (lost.isEmpty()) {
                    return List.of();
                }
                criteria = criteria.withStatuses(lost);
            }
            List<StatusKey> order = project.get().statuses().stream().map(LeadStatus::key).toList();
            return s.leads().search(new LeadSearch(rule.tenant(), rule.project(), criteria,
                    LeadSort.ascending(SortField.LAST_ACTIVITY), order, after, limit));
        });
    }

    /** Erases the lead if it is still past the rule's limit under its lock; false if it is not, or gone. */
    private boolean erase(RetentionRule rule, Lead lead) {
        Actor system = Actor.system(rule.tenant());
        try {
            Optional<LeadId> erased = ctx.write(system, tx -> {
                Project project = ctx.project(tx.s, system, rule.project());
                return PrivacyService.eraseLead(tx, lead, ErasureReason.RETENTION,
                        current -> rule.covers(current, project, tx.now));
            });
            erased.ifPresent(id -> PrivacyService.audit(system, ErasureReason.RETENTION, List.of(id)));
            return erased.isPresent();
        } catch (StaleModificationException goneOrChanged) {
            // erased by another node, merged away, or changed while this one waited: the next round looks again
            return false;
        }
    }

    @Override
    public void start() {
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
