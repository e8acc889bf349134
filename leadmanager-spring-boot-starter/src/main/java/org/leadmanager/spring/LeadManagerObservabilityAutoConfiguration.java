package org.leadmanager.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.leadmanager.CallListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer and actuator support, each part when the host has it: an {@link ObservationCallListener} on the
 * host's {@code ObservationRegistry} ({@code leadmanager.observations.enabled}), the reminder, escalation and event
 * relay meters on its {@code MeterRegistry}, and the health indicators {@code leadManager} of the reminder
 * dispatcher, {@code leadManagerEscalations} of the escalation dispatcher and {@code leadManagerEvents} of the event
 * relay ({@code management.health.leadmanager.enabled}).
 */
@AutoConfiguration(after = LeadManagerLifecycleAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "leadmanager.enabled", matchIfMissing = true)
public final class LeadManagerObservabilityAutoConfiguration {

    /** An observation per API call. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnBean(ObservationRegistry.class)
    @ConditionalOnBooleanProperty(name = "leadmanager.observations.enabled", matchIfMissing = true)
    static class Observations {
        @Bean
        @ConditionalOnMissingBean(CallListener.class)
        ObservationCallListener leadManagerObservations(ObservationRegistry registry) {
            return new ObservationCallListener(registry);
        }
    }

    /** Counters and timer of the reminder dispatcher. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({MeterRegistry.class, ReminderDispatcherLifecycle.class})
    static class ReminderMetrics {
        @Bean
        @ConditionalOnMissingBean
        MicrometerReminderObserver leadManagerReminderMetrics(MeterRegistry registry) {
            return new MicrometerReminderObserver(registry);
        }
    }

    /** Counters and timer of the escalation dispatcher. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({MeterRegistry.class, EscalationDispatcherLifecycle.class})
    static class EscalationMetrics {
        @Bean
        @ConditionalOnMissingBean
        MicrometerEscalationObserver leadManagerEscalationMetrics(MeterRegistry registry) {
            return new MicrometerEscalationObserver(registry);
        }
    }

    /** Counters, timer and backlog gauge of the event relay. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({MeterRegistry.class, EventRelayLifecycle.class})
    static class EventMetrics {
        @Bean
        @ConditionalOnMissingBean
        MicrometerEventRelayObserver leadManagerEventMetrics(MeterRegistry registry,
                ObjectProvider<EventRelayLifecycle> relay) {
            return new MicrometerEventRelayObserver(registry, relay);
        }
    }

    /** The event relay's health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean({EventRelayStatistics.class, EventRelayLifecycle.class})
    @ConditionalOnEnabledHealthIndicator("leadmanager")
    static class EventHealth {
        @Bean
        @ConditionalOnMissingBean(name = "leadManagerEventsHealthIndicator")
        LeadManagerEventsHealthIndicator leadManagerEventsHealthIndicator(EventRelayStatistics statistics,
                EventRelayLifecycle relay, LeadManagerProperties properties) {
            return new LeadManagerEventsHealthIndicator(statistics, relay,
                    properties.getEvents().getHealthSetAsideThreshold());
        }
    }

    /** The dispatcher's health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean({ReminderStatistics.class, ReminderDispatcherLifecycle.class})
    @ConditionalOnEnabledHealthIndicator("leadmanager")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "leadManagerHealthIndicator")
        LeadManagerHealthIndicator leadManagerHealthIndicator(ReminderStatistics statistics,
                ReminderDispatcherLifecycle dispatcher, LeadManagerProperties properties) {
            return new LeadManagerHealthIndicator(statistics, dispatcher,
                    properties.getReminders().getHealthFailureThreshold());
        }
    }

    /** The escalation dispatcher's health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean({EscalationStatistics.class, EscalationDispatcherLifecycle.class})
    @ConditionalOnEnabledHealthIndicator("leadmanager")
    static class EscalationHealth {
        @Bean
        @ConditionalOnMissingBean(name = "leadManagerEscalationsHealthIndicator")
        LeadManagerEscalationsHealthIndicator leadManagerEscalationsHealthIndicator(EscalationStatistics statistics,
                EscalationDispatcherLifecycle dispatcher, LeadManagerProperties properties) {
            return new LeadManagerEscalationsHealthIndicator(statistics, dispatcher,
                    properties.getEscalations().getHealthFailureThreshold());
        }
    }
}
