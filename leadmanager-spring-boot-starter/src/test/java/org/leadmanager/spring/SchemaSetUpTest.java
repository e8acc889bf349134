package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The library's tables come from its own scripts: through the starter's Flyway set-up in a history of its own, in a
 * schema that also holds the host's tables of the host's own Flyway history, or through the Liquibase changelog.
 */
class SchemaSetUpTest {

    @Test
    void besideTheHostsOwnFlywayHistoryTheLibraryKeepsItsOwn() {
        TestHost.withJpa().withUserConfiguration(TestHost.class)
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:db/host",
                        // Hibernate would otherwise create and drop the library's tables as well
                        "spring.jpa.hibernate.ddl-auto=create-drop")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(versions(jdbc, "\"flyway_schema_history\"")).containsExactly("1");
                    // the host's history came first, so the library's starts with a baseline below its V1
                    assertThat(versions(jdbc, "\"lm_flyway_history\"")).containsExactly("0", "1", "2");
                    assertThat(tables(jdbc)).contains("CRM_CONTACT", "LM_LEAD", "LM_FOLLOW_UP", "LM_EVENT");
                    assertWorks(context);
                });
    }

    @Test
    void onAnEmptySchemaTheLibrarysHistoryStartsWithItsScript() {
        TestHost.withJpa().withUserConfiguration(TestHost.class).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(versions(jdbc, "\"lm_flyway_history\"")).containsExactly("1", "2");
            assertWorks(context);
        });
    }

    @Test
    void theLiquibaseChangelogCreatesTheSameTables() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, LiquibaseHost.class)
                // as with Boot's Liquibase auto-configuration: Hibernate leaves the schema alone
                .withPropertyValues("leadmanager.schema.flyway.enabled=false", "spring.jpa.hibernate.ddl-auto=none")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(tables(jdbc)).contains("LM_LEAD", "LM_FOLLOW_UP", "DATABASECHANGELOG")
                            .doesNotContain("lm_flyway_history");
                    assertWorks(context);
                });
    }

    private static List<String> versions(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT \"version\" FROM " + table
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class);
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                String.class);
    }

    private static void assertWorks(AssertableApplicationContext context) {
        LeadManager leads = context.getBean(LeadManager.class);
        TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
        leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());
        assertThat(leads.search().find(tenant.manager(),
                LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all())).leads()).hasSize(1);
    }

    @Configuration(proxyBeanMethods = false)
    static class LiquibaseHost {
        @Bean
        SpringLiquibase liquibase(DataSource dataSource) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog("classpath:db/leadmanager/liquibase/changelog.xml");
            return liquibase;
        }
    }
}
