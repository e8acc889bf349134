package org.leadmanager.examples.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample CRM on PostgreSQL, given only the database's URL: the starter creates the library's tables, the demo
 * data is created once, and a second start on the same database finds it and leaves it as it is. Over plain HTTP,
 * with a lead list of two leads a page, so that its "next page" link is followed to the end.
 */
class CrmHostOnPostgresTest {
    private static final Pattern TOTAL =
            Pattern.compile("<tr data-name=\"Leadmanager\">.*?<td class=\"total\">(\\d+)</td>", Pattern.DOTALL);
    private static final Pattern LEADMANAGER_LINK =
            Pattern.compile("<a class=\"open\" href=\"([^\"]+)\">Leadmanager</a>");
    private static final Pattern LEAD_NAME = Pattern.compile("<td class=\"name\">([^<]+)</td>");
    private static final Pattern NEXT_PAGE = Pattern.compile("<a id=\"next-page\" href=\"([^\"]+)\"");
    private static HttpClient http;

    @Test
    void startsOnPostgresWithTheDemoDataAndKeepsItAcrossRestarts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");

            try (ConfigurableApplicationContext app = start(url)) {
                assertEquals("5", leadsOfLeadmanager(app), "the demo's five leads");
                assertEquals(List.of("Jonas Kahn", "Lea Fischer", "Miriam Vogt", "Petra Berg", "Stefan Ortmann"),
                        leadNamesPageByPage(app), "every lead once, by name, two a page");
            }
            try (ConfigurableApplicationContext again = start(url)) {
                assertEquals("5", leadsOfLeadmanager(again), "the same five leads, not created twice");
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return SpringApplication.run(CrmHostApplication.class, "--server.port=0", url,
                "--spring.datasource.username=postgres", "--crm.lead-list.page-size=2");
    }

    /** Signs in as Anna and reads the total of "Leadmanager" in the lead managers list. */
    private static String leadsOfLeadmanager(ConfigurableApplicationContext app) throws Exception {
        Matcher total = TOTAL.matcher(signIn(app).body());
        assertTrue(total.find(), "the lead managers list shows Leadmanager");
        return total.group(1);
    }

    /** Opens "Leadmanager" and follows its "next page" link to the last page: the names of the leads, in order. */
    private static List<String> leadNamesPageByPage(ConfigurableApplicationContext app) throws Exception {
        HttpResponse<String> list = signIn(app);
        Matcher link = LEADMANAGER_LINK.matcher(list.body());
        assertTrue(link.find(), "the lead managers list links Leadmanager");
        URI next = list.uri().resolve(link.group(1));
        List<String> names = new ArrayList<>();
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 10, "the pages end");
            String page = http.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher name = LEAD_NAME.matcher(page);
            int before = names.size();
            while (name.find()) {
                names.add(name.group(1));
            }
            assertTrue(names.size() - before <= 2, "at most two leads a page");
            Matcher more = NEXT_PAGE.matcher(page);
            next = more.find() ? next.resolve(more.group(1).replace("&amp;", "&")) : null;
        }
        return names;
    }

    private static HttpResponse<String> signIn(ConfigurableApplicationContext app) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=anna")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("/leadmanagers", page.uri().getPath(), "signed in");
        return page;
    }
}
