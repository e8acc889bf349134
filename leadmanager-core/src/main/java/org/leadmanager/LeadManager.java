package org.leadmanager;

/**
 * The lead manager: one entry point, built once with {@link #builder()}, thread-safe, grouped by topic.
 *
 * <pre>{@code
 * LeadManager leads = LeadManager.builder()
 *         .store(InMemoryLeadStore.create())
 *         .contacts(myContactDirectory)
 *         .users(myUserDirectory)
 *         .build();
 * }</pre>
 *
 * <p>Beside the calls run background jobs, each only once the host starts or drives it, on any number of nodes
 * sharing the store: the {@linkplain #reminderDispatcher reminder dispatcher} fires due follow-ups, the
 * {@linkplain #eventRelay event relay} publishes committed events, and the {@linkplain #retentionJob retention job}
 * erases leads kept longer than their project allows. A change only records its events with it, in its
 * unit of work; it never calls the publisher itself.
 */
public interface LeadManager {

    /** A new builder. */
    static LeadManagerBuilder builder() {
        return new LeadManagerBuilder();
    }

    /**
     * Projects and their status lists. What the help page and a CRM's menu call a "Leadmanager" ("CRM →
     * Leadmanager": one lead manager per project or product) is a {@code Project} here.
     */
    Projects projects();

    /** Turning contacts into leads. */
    Qualification qualification();

    /** Working leads: owner, status, notes, timeline. */
    Leads leads();

    /** Follow-ups and the overview. */
    FollowUps followUps();

    /** Lists, advanced search and saved searches. */
    Search search();

    /** Erasing what is held about a contact, everywhere in the tenant. */
    Privacy privacy();

    /** Figures about a project's leads: the conversion funnel. */
    Reports reports();

    /**
     * A dispatcher that fires due follow-up reminders through the notifier. Nothing runs until the host calls
     * {@link ReminderDispatcher#start()} or drives it with {@link ReminderDispatcher#dispatchDue()}.
     */
    ReminderDispatcher reminderDispatcher(ReminderDispatcher.Options options);

    /**
     * A relay that publishes committed events to this lead manager's {@link org.leadmanager.spi.host.EventPublisher}
     * from the store's publication registry. Changes only record their events: nothing is published until the host
     * starts a relay ({@link EventRelay#start()}) or drives one with {@link EventRelay#relayDue()}, on every node or
     * on some. The relay also lists the events it set aside and retries them. Without a publisher
     * ({@link org.leadmanager.spi.host.EventPublisher#none()}) nothing is recorded and the relay publishes nothing.
     */
    EventRelay eventRelay(EventRelay.Options options);

    /**
     * A dispatcher that escalates breached first-response deadlines
     * ({@link Projects#setFirstResponse}) through the notifier, once per breach. Nothing runs until the host calls
     * {@link EscalationDispatcher#start()} or drives it with {@link EscalationDispatcher#escalateDue()}.
     */
    EscalationDispatcher escalationDispatcher(EscalationDispatcher.Options options);

    /**
     * A job that erases leads past their project's retention rule. Nothing runs until the host calls
     * {@link RetentionJob#start()} or drives it with {@link RetentionJob#eraseDue()}; {@link RetentionJob#dryRun}
     * lists what would go.
     */
    RetentionJob retentionJob(RetentionJob.Options options);
}
