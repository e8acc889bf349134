package org.leadmanager.tck;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadManagerBuilder;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.spi.store.LeadStore;

/**
 * Everything one contract test needs around a store: a fresh tenant (unique, so tests sharing a store never see
 * each other's data), host fakes, a clock standing at {@link MutableClock#START}, a recording event publisher, a
 * {@link LeadManager} built from all of them and its event relay, plus builders for projects, contacts and leads.
 * Changes only record their events; {@link #relayEvents()} publishes them, and so does every helper that reads what
 * was published.
 *
 * <p>Users of every fixture tenant: manager {@link #mia}, agents {@link #alice}, {@link #bob} and {@link #carol}
 * (all active, UTC) and {@link #ivan}, an inactive agent. Projects made by {@link #project(String)} have the
 * {@link #standardStatuses() standard status list} with default {@link #NEW}.
 */
public final class TckFixture {
    public static final StatusKey NEW = StatusKey.of("new");
    public static final StatusKey CONTACTED = StatusKey.of("contacted");
    public static final StatusKey OFFER = StatusKey.of("offer");
    public static final StatusKey WON = StatusKey.of("won");
    public static final StatusKey LOST = StatusKey.of("lost");

    public final LeadStore store;
    public final MutableClock clock;
    public final FakeContacts contacts;
    public final FakeUsers users;
    public final RecordingPublisher events;
    /** The lead manager every helper uses; built on {@link #store} with the fakes above. */
    public final LeadManager lm;
    /** The relay of {@link #lm} (a node id of its own, default options), driven by {@link #relayEvents()}. */
    public final EventRelay relay;

    public final TenantId tenant;
    public final UserId mia;
    public final UserId alice;
    public final UserId bob;
    public final UserId carol;
    public final UserId ivan;
    /** {@link #mia} as manager of {@link #tenant}. */
    public final Actor manager;

    private final AtomicInteger contactSeq = new AtomicInteger();
    private final AtomicInteger projectSeq = new AtomicInteger();

    private TckFixture(LeadStore store, MutableClock clock, FakeContacts contacts, FakeUsers users,
            RecordingPublisher events, LeadManager lm) {
        this.store = store;
        this.clock = clock;
        this.contacts = contacts;
        this.users = users;
        this.events = events;
        this.lm = lm != null ? lm : build(b -> { });
        this.relay = this.lm.eventRelay(EventRelay.Options.defaults()
                .withNodeId("tck-relay-" + UUID.randomUUID().toString().substring(0, 8)));
        this.tenant = newTenantId();
        this.mia = users.add(tenant, "mia");
        this.alice = users.add(tenant, "alice");
        this.bob = users.add(tenant, "bob");
        this.carol = users.add(tenant, "carol");
        this.ivan = users.add(tenant, "ivan", false, ZoneOffset.UTC);
        this.manager = Actor.manager(tenant, mia);
    }

    /** A fixture with a fresh tenant on the store. */
    public static TckFixture create(LeadStore store) {
        return new TckFixture(Objects.requireNonNull(store, "store"), new MutableClock(), new FakeContacts(),
                new FakeUsers(), new RecordingPublisher(), null);
    }

    /**
     * Another tenant on the same store, sharing clock, host fakes, publisher and lead manager: for tenancy tests.
     */
    public TckFixture otherTenant() {
        return new TckFixture(store, clock, contacts, users, events, lm);
    }

    /** A tenant id no other fixture uses. */
    public static TenantId newTenantId() {
        return TenantId.of("tck-" + UUID.randomUUID());
    }

    /**
     * Another lead manager on the same store, clock and fakes (a second node, or one restarted), customised by the
     * caller, e.g. {@code b -> b.bulkChunkSize(3)}.
     */
    public LeadManager newLeadManager(Consumer<LeadManagerBuilder> customize) {
        return build(customize);
    }

    /** Another lead manager on the same store whose bulk calls work in chunks of {@code size}. */
    public LeadManager withChunkSize(int size) {
        return build(b -> b.bulkChunkSize(size));
    }

    private LeadManager build(Consumer<LeadManagerBuilder> customize) {
        LeadManagerBuilder builder = LeadManager.builder()
                .store(store)
                .contacts(contacts)
                .users(users)
                .events(events)
                .clock(clock);
        customize.accept(builder);
        return builder.build();
    }

    /** An agent of this tenant. */
    public Actor agent(UserId user) {
        return Actor.agent(tenant, user);
    }

    /** The host acting for this tenant. */
    public Actor system() {
        return Actor.system(tenant);
    }

    /**
     * Publishes every event of the store that is publishable now through {@link #relay}, of every tenant (the
     * recording publisher keeps them apart).
     *
     * @return how many were published
     */
    public int relayEvents() {
        return relay.relayDue();
    }

    /**
     * A snapshot of everything the manager of this tenant can read, plus the tenant's published events, after
     * {@link #relayEvents()}: an event a call recorded shows in it.
     */
    public TenantSnapshot snapshot() {
        relayEvents();
        return TenantSnapshot.of(lm, manager, events);
    }

    /** Events of this tenant published so far, after {@link #relayEvents()}. */
    public List<DomainEvent> publishedEvents() {
        relayEvents();
        return events.events(tenant);
    }

    // ---- statuses and projects

    /** new (OPEN, default), contacted (OPEN), offer (OPEN), won (WON), lost (LOST). */
    public static List<LeadStatus> standardStatuses() {
        return List.of(
                new LeadStatus(NEW, "New", StatusCategory.OPEN),
                new LeadStatus(CONTACTED, "Contacted", StatusCategory.OPEN),
                new LeadStatus(OFFER, "Offer sent", StatusCategory.OPEN),
                new LeadStatus(WON, "Customer", StatusCategory.WON),
                new LeadStatus(LOST, "Not interested", StatusCategory.LOST));
    }

    /** A project with the standard statuses, created by the manager. */
    public Project project(String name) {
        return lm.projects().create(manager, new Projects.Create(name, ProjectKind.PROJECT, standardStatuses(), NEW));
    }

    /** A project with a uniquely numbered name. */
    public Project project() {
        return project("Project " + projectSeq.incrementAndGet());
    }

    /** A project with the standard statuses, a team in this order and an assignment policy. */
    public Project project(String name, AssignmentPolicy policy, UserId... team) {
        Project created = project(name);
        lm.projects().setTeam(manager, created.id(), List.of(team));
        return lm.projects().setAssignmentPolicy(manager, created.id(), policy);
    }

    /** A project whose team has these members; no automatic assignment. */
    public Project projectWithTeam(String name, UserId... team) {
        return project(name, AssignmentPolicy.none(), team);
    }

    // ---- contacts and leads

    /** A new contact of this tenant with the card; ids ascend in creation order ({@code c00001, c00002, ...}). */
    public ContactId contact(ContactCard card) {
        ContactId id = ContactId.of(String.format(Locale.ROOT, "c%05d", contactSeq.incrementAndGet()));
        contacts.put(tenant, id, card);
        return id;
    }

    /** A new contact with a name, a derived e-mail address and a details link. */
    public ContactId contact(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        return contact(new ContactCard(name, slug + "@example.org", null, null, null,
                "https://crm.example/contacts/" + slug));
    }

    /** {@code count} new contacts named {@code prefix 1 ...}. */
    public List<ContactId> contacts(int count, String prefix) {
        List<ContactId> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(contact(prefix + " " + i));
        }
        return ids;
    }

    /** A new contact qualified by the manager for the project. */
    public Lead lead(ProjectId project, String contactName) {
        return lm.qualification().qualify(manager, project, contact(contactName)).lead();
    }

    /** A new contact qualified by the manager for the project. */
    public Lead lead(ProjectId project) {
        return lead(project, "Contact " + (contactSeq.get() + 1));
    }

    /** The contact qualified by the manager for the project. */
    public Lead lead(ProjectId project, ContactId contact) {
        return lm.qualification().qualify(manager, project, contact).lead();
    }

    /** The lead as stored now, read by the manager. */
    public Lead reload(LeadId lead) {
        return lm.leads().get(manager, lead);
    }

    /** The project as stored now, read by the manager. */
    public Project reload(ProjectId project) {
        return lm.projects().get(manager, project);
    }
}
