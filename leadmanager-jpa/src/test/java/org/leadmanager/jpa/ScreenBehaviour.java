package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.tck.TckFixture;

/**
 * What a host's screens read through the API costs a number of statements that does not grow with the entries on
 * the screen: the follow-up overview (follow-ups, their leads, the projects) and a page of the lead list with its
 * status labels and owner names. Counted on the connections, so the provider's statements and the store's own
 * JDBC work both count. (Where the page statement itself checks the remembered project's version, an empty
 * page costs one statement more: with no row to carry it, the version is checked by a statement of its own.)
 */
abstract class ScreenBehaviour extends StoreTestBase {

    @Test
    void theOverviewAndAListPageTakeAsManyStatementsForFiftyEntriesAsForTwo() {
        CountingDataSource connections = new CountingDataSource(db().url());
        EntityManagerFactory emf = db().newEmf(Map.of("hibernate.connection.datasource", connections));
        JpaLeadStore counted = JpaLeadStore.create(emf);
        Map<Integer, Long> overviewStatements = new TreeMap<>();
        Map<Integer, Long> pageStatements = new TreeMap<>();
        for (int size : new int[] {2, 10, 50}) {
            TckFixture fx = TckFixture.create(counted);
            Project project = fx.project("Leadmanager");
            Project fair = fx.project("Messe");
            UserId[] owners = {fx.bob, fx.carol, null};
            for (int i = 0; i < size; i++) {
                Lead lead = fx.lead((i % 2 == 0 ? project : fair).id(), "Contact " + i);
                if (owners[i % 3] != null) {
                    fx.lm.leads().assign(fx.manager, lead.id(), owners[i % 3]);
                }
                fx.lm.followUps().schedule(fx.manager, lead.id(), fx.clock.instant().plus(Duration.ofHours(i + 1)),
                        "call back", fx.alice);
            }
            LeadQuery query = new LeadQuery(fair.id(), LeadCriteria.all(), LeadSort.byLastActivity(), 100, null);
            // once first, so the remembered projects are the same for every size
            fx.lm.followUps().overview(fx.manager, fx.alice);
            fx.lm.search().find(fx.manager, query);

            FollowUpOverview overview = counting(connections, overviewStatements, size,
                    () -> fx.lm.followUps().overview(fx.manager, fx.alice));
            LeadPage page = counting(connections, pageStatements, size, () -> fx.lm.search().find(fx.manager, query));

            assertEquals(size, overview.dueToday().size() + overview.upcoming().size());
            assertEquals(size / 2, page.leads().size());
            assertEquals(size / 2, page.rows().stream().filter(r -> r.statusLabel().equals("New")).count());
        }
        assertEquals(1, overviewStatements.values().stream().distinct().count(), "overview: " + overviewStatements);
        assertEquals(1, pageStatements.values().stream().distinct().count(), "list page: " + pageStatements);
        long overview = overviewStatements.get(2);
        assertTrue(overview <= 3, "follow-ups, their leads, the projects: " + overview);
    }

    private static <T> T counting(CountingDataSource connections, Map<Integer, Long> statements, int size,
            Supplier<T> call) {
        long before = connections.statements();
        T result = call.get();
        statements.put(size, connections.statements() - before);
        return result;
    }
}
