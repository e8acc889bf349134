package org.leadmanager.spring;

import org.leadmanager.LeadManager;
import org.leadmanager.spi.host.ReminderNotifier;
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
 * {@code leadmanager.reminders.enabled}) and the event relay ({@code leadmanager.relay.enabled}).
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

    /** The relay of pending events. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "leadmanager.relay.enabled", matchIfMissing = true)
    EventRelayLifecycle leadManagerEventRelay(LeadManager leadManager, LeadManagerProperties properties) {
        return new EventRelayLifecycle(leadManager, properties.getRelay());
    }
}
