package org.leadmanager.spring;

import org.leadmanager.LeadManager;
import org.leadmanager.spi.host.EscalationNotifier;
import org.leadmanager.spi.host.ReminderNotifier;
import org.leadmanager.spi.store.LeadStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lead manager's background work as lifecycle beans, started after every bean was created and stopped with the
 * context: the reminder dispatcher (when the host defines a {@link ReminderNotifier} bean;
 * {@code leadmanager.reminders.enabled}), the escalation dispatcher of breached first-response deadlines (when it
 * defines an {@link EscalationNotifier} bean; {@code leadmanager.escalations.enabled}) and the event relay ({@code leadmanager.events.relay.enabled}), which the
 * starter's store wakes after each commit that recorded events.
 */
@AutoConfiguration(after = LeadManagerAutoConfiguration.class)
@ConditionalOnSingleCandidate(LeadManager.class)
@ConditionalOnBooleanProperty(name = "leadmanager.enabled", matchIfMissing = true)
public final class LeadManagerLifecycleAutoConfiguration {

    /** Reminders, fired through the host's notifier. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(ReminderNotifier.class)
    @ConditionalOnBooleanProperty(name = "leadmanager.reminders.enabled", matchIfMissing = true)
    static class Reminders {

        @Bean
        @ConditionalOnMissingBean
        ReminderStatistics leadManagerReminderStatistics() {
            return new ReminderStatistics();
        }

        @Bean
        @ConditionalOnMissingBean
        ReminderDispatcherLifecycle leadManagerReminderDispatcher(LeadManager leadManager, ReminderNotifier notifier,
                ObjectProvider<ReminderObserver> observers, LeadManagerProperties properties) {
            return new ReminderDispatcherLifecycle(leadManager, notifier, observers.orderedStream().toList(),
                    properties.getReminders());
        }
    }

    /** Escalations of breached first-response deadlines, through the host's notifier. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(EscalationNotifier.class)
    @ConditionalOnBooleanProperty(name = "leadmanager.escalations.enabled", matchIfMissing = true)
    static class Escalations {

        @Bean
        @ConditionalOnMissingBean
        EscalationStatistics leadManagerEscalationStatistics() {
            return new EscalationStatistics();
        }

        @Bean
        @ConditionalOnMissingBean
        EscalationDispatcherLifecycle leadManagerEscalationDispatcher(LeadManager leadManager,
                EscalationNotifier notifier, ObjectProvider<EscalationObserver> observers,
                LeadManagerProperties properties) {
            return new EscalationDispatcherLifecycle(leadManager, notifier, observers.orderedStream().toList(),
                    properties.getEscalations());
        }
    }

    /** The relay that publishes committed events. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "leadmanager.events.relay.enabled", matchIfMissing = true)
    static class Events {

        @Bean
        @ConditionalOnMissingBean
        EventRelayStatistics leadManagerEventStatistics() {
            return new EventRelayStatistics();
        }

        @Bean
        @ConditionalOnMissingBean
        EventRelayLifecycle leadManagerEventRelay(LeadManager leadManager, ObjectProvider<EventRelayObserver> observers,
                ObjectProvider<LeadStore> store, LeadManagerProperties properties) {
            EventRelayLifecycle relay = new EventRelayLifecycle(leadManager, observers.orderedStream().toList(),
                    properties.getEvents().getRelay());
            if (store.getIfUnique() instanceof SpringTransactionLeadStore springStore) {
                springStore.onEventsCommitted(relay::wakeUp);
            }
            return relay;
        }
    }
}
