package org.leadmanager;

import java.time.Clock;
import java.util.Objects;
import org.leadmanager.spi.host.AccessPolicy;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.host.UserDirectory;

/** The facade: one validating proxy per topic in front of its service. Built by {@code LeadManagerBuilder}. */
final class DefaultLeadManager implements LeadManager {
    private final Context ctx;
    private final Projects projects;
    private final Qualification qualification;
    private final Leads leads;
    private final FollowUps followUps;
    private final Search search;
    private final Privacy privacy;
    private final Reports reports;

    /** For {@code LeadManagerBuilder} only. */
    public DefaultLeadManager(LeadStore store, ContactDirectory contacts, UserDirectory users, AccessPolicy access,
            EventPublisher publisher, Clock clock, int chunkSize, CallListener calls) {
        this.ctx = new Context(store, HostPorts.guard(contacts), HostPorts.guard(users), HostPorts.guard(access),
                publisher, clock, chunkSize);
        this.projects = ValidatingProxy.wrap(Projects.class, new ProjectService(ctx), calls);
        this.qualification = ValidatingProxy.wrap(Qualification.class,
                new QualificationService(ctx, new OwnerAssigner(ctx)), calls);
        this.leads = ValidatingProxy.wrap(Leads.class, new LeadService(ctx), calls);
        this.followUps = ValidatingProxy.wrap(FollowUps.class, new FollowUpService(ctx), calls);
        this.search = ValidatingProxy.wrap(Search.class, new SearchService(ctx), calls);
        this.privacy = ValidatingProxy.wrap(Privacy.class, new PrivacyService(ctx), calls);
        this.reports = ValidatingProxy.wrap(Reports.class, new ReportService(ctx), calls);
    }

    @Override
    public Projects projects() {
        return projects;
    }

    @Override
    public Qualification qualification() {
        return qualification;
    }

    @Override
    public Leads leads() {
        return leads;
    }

    @Override
    public FollowUps followUps() {
        return followUps;
    }

    @Override
    public Search search() {
        return search;
    }

    @Override
    public Privacy privacy() {
        return privacy;
    }

    @Override
    public Reports reports() {
        return reports;
    }

    @Override
    public RetentionJob retentionJob(RetentionJob.Options options) {
        return new Retention(ctx, Objects.requireNonNull(options, "options"));
    }

    @Override
    public ReminderDispatcher reminderDispatcher(ReminderDispatcher.Options options) {
        return new Dispatcher(ctx, Objects.requireNonNull(options, "options"));
    }

    @Override
    public EscalationDispatcher escalationDispatcher(EscalationDispatcher.Options options) {
        return new Escalator(ctx, new OwnerAssigner(ctx), Objects.requireNonNull(options, "options"));
    }

    @Override
    public EventRelay eventRelay(EventRelay.Options options) {
        return new Relay(ctx, Objects.requireNonNull(options, "options"));
    }
}
