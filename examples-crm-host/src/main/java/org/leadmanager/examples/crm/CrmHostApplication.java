package org.leadmanager.examples.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A sample CRM whose lead screens run on the lead manager: the list of lead managers, one lead manager's leads with
 * status checkboxes, employee selector and advanced search, the lead page with notes and follow-ups, the follow-up
 * overview and the contacts page with "Zum Leadmanager hinzufügen". Server-rendered HTML (Thymeleaf), the
 * {@code LeadManager} bean from leadmanager-spring-boot-starter, demo data from {@link DemoData}.
 *
 * <p>It runs on an embedded H2 database unless given {@code --spring.datasource.url=…} (PostgreSQL: the starter
 * creates the library's tables if missing).
 */
@SpringBootApplication
public class CrmHostApplication {

    /** Starts the CRM on port 8080 (or {@code --server.port=…}). @param args Spring Boot's arguments */
    public static void main(String[] args) {
        SpringApplication.run(CrmHostApplication.class, args);
    }
}
