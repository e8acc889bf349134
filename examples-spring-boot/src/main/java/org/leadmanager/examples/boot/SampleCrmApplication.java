package org.leadmanager.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small CRM on Spring Boot that embeds the lead manager through leadmanager-spring-boot-starter: its contacts and
 * users are {@link CrmConfiguration}'s beans, its database an embedded H2 (the starter creates the library's
 * tables), and {@link LeadController} serves qualifying, searching and the events it heard.
 */
@SpringBootApplication
public class SampleCrmApplication {

    /** Starts the sample on port 8080 (or {@code --server.port=…}). @param args Spring Boot's arguments */
    public static void main(String[] args) {
        SpringApplication.run(SampleCrmApplication.class, args);
    }
}
