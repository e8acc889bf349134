package org.leadmanager.spring;

import jakarta.persistence.EntityManagerFactory;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.leadmanager.jpa.JpaLeadStore;
import org.leadmanager.spi.store.EventSerializer;
import org.leadmanager.spi.store.LeadStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * The store on the host's JPA set-up: registers the library's entities with the host's persistence unit, creates
 * the library's tables with Flyway (optional), and provides a {@link SpringTransactionLeadStore} on the host's
 * {@code EntityManagerFactory}. Backs off when the host defines its own {@link LeadStore}.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({EntityManagerFactory.class, JpaLeadStore.class, PersistenceManagedTypes.class})
@ConditionalOnBooleanProperty(name = "leadmanager.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LeadManagerProperties.class)
public final class LeadManagerJpaAutoConfiguration {

    /**
     * Adds the library's entity classes to the persistence unit Spring Boot builds from its scan (with or without
     * the host's {@code @EntityScan}). A host that builds its own EntityManagerFactory adds
     * {@link JpaLeadStore#MAPPING_FILE} or {@link JpaLeadStore#entityClasses()} itself.
     */
    @Bean
    static BeanPostProcessor leadManagerEntities() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof PersistenceManagedTypes types)) {
                    return bean;
                }
                List<String> classes = new ArrayList<>(types.getManagedClassNames());
                for (Class<?> entity : JpaLeadStore.entityClasses()) {
                    if (!classes.contains(entity.getName())) {
                        classes.add(entity.getName());
                    }
                }
                List<String> managed = List.copyOf(classes);
                return new PersistenceManagedTypes() {
                    @Override
                    public List<String> getManagedClassNames() {
                        return managed;
                    }

                    @Override
                    public List<String> getManagedPackages() {
                        return types.getManagedPackages();
                    }

                    @Override
                    public URL getPersistenceUnitRootUrl() {
                        return types.getPersistenceUnitRootUrl();
                    }
                };
            }
        };
    }

    /**
     * The store: joins the host's Spring transaction when one is active, else runs its own. Events are kept in the
     * registry as the host's {@link EventSerializer} bean writes them, if it has one, else as JSON.
     */
    @Bean
    @ConditionalOnMissingBean(LeadStore.class)
    @ConditionalOnSingleCandidate(EntityManagerFactory.class)
    SpringTransactionLeadStore leadStore(EntityManagerFactory entityManagerFactory,
            ObjectProvider<EventSerializer> eventSerializer, LeadManagerProperties properties) {
        int batchSize = properties.getJpa().getBatchSize();
        EventSerializer serializer = eventSerializer.getIfUnique();
        return serializer == null ? SpringTransactionLeadStore.create(entityManagerFactory, batchSize)
                : SpringTransactionLeadStore.create(entityManagerFactory, batchSize, serializer);
    }

    /** The library's tables through Flyway, in their own history, before the EntityManagerFactory starts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnBooleanProperty(name = "leadmanager.schema.flyway.enabled", matchIfMissing = true)
    static class FlywaySchema {

        @Bean
        LeadManagerFlywayMigration leadManagerFlywayMigration(DataSource dataSource,
                LeadManagerProperties properties) {
            return new LeadManagerFlywayMigration(dataSource, properties.getSchema().getFlyway());
        }

        @Bean
        static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnLeadManagerSchema() {
            return new EntityManagerFactoryDependsOnPostProcessor(LeadManagerFlywayMigration.class);
        }

        /** Hibernate's ddl-auto leaves the library's tables to this migration. */
        @Bean
        @ConditionalOnClass(name = "org.hibernate.tool.schema.spi.SchemaFilterProvider")
        HibernatePropertiesCustomizer leadManagerSchemaFilter() {
            return properties -> properties.putIfAbsent("hibernate.hbm2ddl.schema_filter_provider",
                    LeadManagerSchemaFilter.class.getName());
        }

        /** After the host's own Flyway migration: a host history started in an empty schema sees no lm_ tables. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(FlywayMigrationInitializer.class)
        static class AfterHostFlyway {
            @Bean
            static AbstractDependsOnBeanFactoryPostProcessor leadManagerSchemaAfterHostFlyway() {
                return new AbstractDependsOnBeanFactoryPostProcessor(LeadManagerFlywayMigration.class,
                        FlywayMigrationInitializer.class) {
                };
            }
        }
    }
}
