package org.leadmanager;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.host.AccessPolicy;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.host.UserDirectory;

/** What every service needs: ports, clock, ids, and the unit-of-work and access helpers. */
final class Context {
    final LeadStore store;
    final ContactDirectory contacts;
    final UserDirectory users;
    final AccessPolicy access;
    final EventPublisher publisher;
    final Clock clock;
    final IdGenerator ids;
    final int chunkSize;
    /** False with {@link EventPublisher#none()}: then changes record no events and relays publish nothing. */
    final boolean events;
    /** The started event relays of this lead manager, woken after each change that recorded events. */
    private final List<Poller> relays = new CopyOnWriteArrayList<>();

    Context(LeadStore store, ContactDirectory contacts, UserDirectory users, AccessPolicy access,
            EventPublisher publisher, Clock clock, int chunkSize) {
        this.store = store;
        this.contacts = contacts;
        this.users = users;
        this.access = access;
        this.publisher = publisher;
        this.clock = clock;
        this.ids = new IdGenerator(clock);
        this.chunkSize = chunkSize;
        this.events = publisher != EventPublisher.none();
    }

    /** A unit of work's recorder for the given session, stamped with the current time. */
    Tx tx(StoreSession session, Actor actor) {
        return new Tx(session, actor, now(), ids, events);
    }

    /** Now, to the microsecond: the precision every store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs a change in one unit of work and records its activities and events. Publishing is the event relay's: a
     * started relay is only woken once the unit of work committed.
     */
    <T> T write(Actor actor, Function<Tx, T> work) {
        boolean[] recorded = new boolean[1];
        T result = store.inTransaction(session -> {
            Tx tx = tx(session, actor);
            T value = work.apply(tx);
            recorded[0] = tx.flush();
            return value;
        });
        if (recorded[0]) {
            relays.forEach(Poller::wakeUp);
        }
        return result;
    }

    void relayStarted(Poller relay) {
        relays.add(relay);
    }

    void relayStopped(Poller relay) {
        relays.remove(relay);
    }

    /**
     * Runs reads only, through {@link LeadStore#read} (possibly without a transaction: statements see the latest
     * committed state). Work that may write, even a no-op update, uses {@link LeadStore#inTransaction}.
     */
    <T> T read(Function<StoreSession, T> work) {
        return store.read(work);
    }

    /**
     * The display names of the leads' owners whom the host's user directory knows: one question for all of them,
     * asked after the store's work, so no connection waits on the host.
     */
    Map<UserId, String> ownerNames(TenantId tenant, Collection<Lead> leads) {
        Set<UserId> owners = new LinkedHashSet<>();
        for (Lead lead : leads) {
            if (lead.assignee() != null) {
                owners.add(lead.assignee());
            }
        }
        Map<UserId, String> names = new HashMap<>();
        if (!owners.isEmpty()) {
            users.findUsers(tenant, owners).forEach((id, info) -> names.put(id, info.displayName()));
        }
        return names;
    }

    Project project(StoreSession s, Actor actor, ProjectId id) {
        return s.projects().find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("project", id));
    }

    Project viewableProject(StoreSession s, Actor actor, ProjectId id) {
        Project project = project(s, actor, id);
        requireView(actor, project);
        return project;
    }

    Lead lead(StoreSession s, Actor actor, LeadId id) {
        return s.leads().find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** The lead, if the actor may see its project. */
    Lead viewableLead(StoreSession s, Actor actor, LeadId id) {
        Lead lead = lead(s, actor, id);
        viewableProject(s, actor, lead.project());
        return lead;
    }

    /** The lead, if the unit of work's actor may change it; the unit of work keeps it and its project. */
    Lead changeableLead(Tx tx, LeadId id) {
        Lead lead = lead(tx.s, tx.actor, id);
        Project project = project(tx.s, tx.actor, lead.project());
        requireChange(tx.actor, project, lead);
        tx.read(lead, project);
        return lead;
    }

    /** @throws ValidationException at {@code path} unless the user is known and active */
    void requireActiveUser(Actor actor, UserId user, String path) {
        if (!users.isActive(actor.tenant(), user)) {
            throw ValidationException.of(path, "InactiveUser", "user " + user + " is unknown or inactive",
                    "user", user);
        }
    }

    void requireConfigure(Actor actor) {
        if (!access.canConfigure(actor)) {
            throw new AccessDeniedException("user " + actor.user() + " may not configure projects");
        }
    }

    void requireView(Actor actor, Project project) {
        if (!access.canView(actor, project)) {
            throw new AccessDeniedException("user " + actor.user() + " may not see project '" + project.name() + "'");
        }
    }

    void requireChange(Actor actor, Project project, Lead lead) {
        requireView(actor, project);
        if (!access.canChange(actor, project, lead)) {
            throw new AccessDeniedException("user " + actor.user() + " may not change lead " + lead.id()
                    + (lead.assignee() == null ? "" : " owned by " + lead.assignee()));
        }
    }
}
