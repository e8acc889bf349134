package org.leadmanager.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadmanager.spring.EventRelayLifecycle;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the sample CRM on a free port and uses its screens over HTTP. */
class SampleCrmApplicationTest {
    private static ConfigurableApplicationContext app;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = SpringApplication.run(SampleCrmApplication.class, "--server.port=0",
                "--spring.datasource.generate-unique-name=true");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aContactQualifiedInTheCrmsTransactionIsFoundByAPlainSearchAndItsEventHeard() throws Exception {
        assertEquals("Petra Berg: new", send("POST", "/leads/c-1").body());

        assertEquals("Petra Berg: new", send("GET", "/leads?text=berg").body());
        // the commit wakes the event relay, which publishes on a thread of its own
        assertEquals("ProjectChanged\nLeadQualified", eventsOnceHeard("LeadQualified"));

        // the CRM's own work fails after qualifying: no lead, no event
        assertEquals(500, send("POST", "/leads/c-2?fail=true").statusCode());
        assertEquals("", send("GET", "/leads?text=kahn").body());
        app.getBean(EventRelayLifecycle.class).relayDue();
        assertEquals("ProjectChanged\nLeadQualified", send("GET", "/events").body());
    }

    /** The events heard, once the last one is {@code last} (waiting at most 30 seconds). */
    private String eventsOnceHeard(String last) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String events = send("GET", "/events").body();
        while (!events.endsWith(last) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            events = send("GET", "/events").body();
        }
        return events;
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
