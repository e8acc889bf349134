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
 * <p>Beside the calls run two background jobs, each only once the host starts or drives it, on any number of nodes
 * sharing the store: the {@linkplain #reminderDispatcher reminder dispatcher} fires due follow-ups, and the
 * {@linkplain #eventRelay event relay} publishes committed events. A change only records its events with it, in its
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
}
