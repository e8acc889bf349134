package org.leadmanager.spring;

import java.time.Clock;
import org.leadmanager.CallListener;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadManagerBuilder;
import org.leadmanager.spi.host.AccessPolicy;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.store.LeadStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * The {@link LeadManager} bean, built on the {@link LeadStore} bean (by default the one of
 * {@link LeadManagerJpaAutoConfiguration}) and the host's {@link ContactDirectory} and {@link UserDirectory} beans,
 * with the host's {@link AccessPolicy}, {@link EventPublisher} and {@link Clock} beans where it has one. Without an
 * {@code EventPublisher} bean the library's events become Spring application events
 * ({@link ApplicationEventLeadPublisher}). Backs off when the host defines its own {@code LeadManager}.
 */
@AutoConfiguration(after = LeadManagerJpaAutoConfiguration.class)
@ConditionalOnClass(LeadManager.class)
@ConditionalOnBooleanProperty(name = "leadmanager.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LeadManagerProperties.class)
public final class LeadManagerAutoConfiguration {

    /** The library's events as Spring application events, after commit. */
    @Bean
    @ConditionalOnMissingBean(EventPublisher.class)
    @ConditionalOnBooleanProperty(name = "leadmanager.events.application-events", matchIfMissing = true)
    ApplicationEventLeadPublisher leadManagerEventPublisher(ApplicationEventPublisher events) {
        return new ApplicationEventLeadPublisher(events);
    }

    /** The lead manager. */
    @Bean
    @ConditionalOnMissingBean(LeadManager.class)
    @ConditionalOnBean({LeadStore.class, ContactDirectory.class, UserDirectory.class})
    LeadManager leadManager(LeadStore store, ContactDirectory contacts, UserDirectory users,
            ObjectProvider<AccessPolicy> accessPolicy, ObjectProvider<EventPublisher> events,
            ObjectProvider<Clock> clock, ObjectProvider<CallListener> callListener,
            ObjectProvider<LeadManagerBuilderCustomizer> customizers, LeadManagerProperties properties) {
        LeadManagerBuilder builder = LeadManager.builder()
                .store(store)
                .contacts(contacts)
                .users(users)
                .bulkChunkSize(properties.getBulkChunkSize());
        accessPolicy.ifUnique(builder::accessPolicy);
        events.ifUnique(builder::events);
        clock.ifUnique(builder::clock);
        callListener.ifUnique(builder::callListener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
