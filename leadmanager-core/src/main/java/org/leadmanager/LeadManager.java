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
     * Publishes events that were committed but not yet published, e.g. after a crash or a failing publisher.
     * Happens after every change anyway; call it once at start-up. Without a publisher
     * ({@link org.leadmanager.spi.host.EventPublisher#none()}) it does nothing and leaves pending events in the store.
     *
     * @return how many events were published
     */
    int relayEvents();
}
