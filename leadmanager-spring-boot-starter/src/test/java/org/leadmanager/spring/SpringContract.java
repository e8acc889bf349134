package org.leadmanager.spring;

import org.leadmanager.tck.LeadManagerContract;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The whole contract kit on the store as the starter wires it: Spring Boot's DataSource (HikariCP), its Hibernate
 * EntityManagerFactory with the library's entities registered by the starter, the tables made by the starter's
 * Flyway set-up, and calls outside any Spring transaction. A subclass names the database.
 */
abstract class SpringContract extends LeadManagerContract {

    /**
     * A context for one test class; not closed after it (jqwik runs the kit's properties after JUnit Jupiter
     * finished), but at exit.
     */
    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Host.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "leadmanager.events.relay.enabled=false")
                .properties(properties)
                .registerShutdownHook(true)
                .run();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            TransactionAutoConfiguration.class, EntityValidationAutoConfiguration.class,
            LeadManagerJpaAutoConfiguration.class})
    static class Host {
    }
}
