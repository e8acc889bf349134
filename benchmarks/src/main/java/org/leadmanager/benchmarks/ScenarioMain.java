package org.leadmanager.benchmarks;

import java.util.List;

/** Entry point of one scenario's JVM: runs it and prints its result lines for {@link Benchmarks}. */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = switch (args[0]) {
            case "bulk" -> new BulkQualificationScenario();
            case "sync" -> new GroupSyncScenario();
            case "search" -> new SearchScenario();
            case "reminders" -> new ReminderScenario();
            case "inmemory" -> new InMemoryScenario();
            case "edits" -> new ConcurrentEditsScenario();
            case "counts" -> new CountsScenario();
            case "text" -> new TextSearchScenario();
            case "funnel" -> new FunnelScenario();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        };
        System.out.println("heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        List<Result> results = scenario.run();
        results.forEach(r -> System.out.println(r.line()));
        System.out.flush();
        // Hibernate, HikariCP and db-scheduler may leave non-daemon threads behind
        System.exit(0);
    }
}
