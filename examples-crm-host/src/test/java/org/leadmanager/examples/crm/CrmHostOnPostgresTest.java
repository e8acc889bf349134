package org.leadmanager.examples.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample CRM on PostgreSQL, given only the database's URL: the starter creates the library's tables, the demo
 * data is created once, and a second start on the same database finds it and leaves it as it is.
 */
class CrmHostOnPostgresTest {
    private static final Pattern TOTAL =
            Pattern.compile("<tr data-name=\"Leadmanager\">.*?<td class=\"total\">(\\d+)</td>", Pattern.DOTALL);

    @Test
    void startsOnPostgresWithTheDemoDataAndKeepsItAcrossRestarts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");

            try (ConfigurableApplicationContext app = start(url)) {
                assertEquals("5", leadsOfLeadmanager(app), "the demo's five leads");
            }
            try (ConfigurableApplicationContext again = start(url)) {
                assertEquals("5", leadsOfLeadmanager(again), "the same five leads, not created twice");
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return SpringApplication.run(CrmHostApplication.class, "--server.port=0", url,
                "--spring.datasource.username=postgres");
    }

    /** Signs in as Anna and reads the total of "Leadmanager" in the lead managers list. */
    private static String leadsOfLeadmanager(ConfigurableApplicationContext app) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=anna")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.uri().getPath().equals("/leadmanagers"), () -> "signed in, at " + page.uri());
        Matcher total = TOTAL.matcher(page.body());
        assertTrue(total.find(), () -> "no lead manager Leadmanager in " + page.body());
        return total.group(1);
    }
}
