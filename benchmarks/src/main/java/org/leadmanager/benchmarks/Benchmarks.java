package org.leadmanager.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the scenarios and prints the table. Starts one embedded PostgreSQL 17 and runs each scenario in a JVM of its
 * own (a fresh heap with the scenario's limit: bulk qualification must pass with {@code -Xmx256m}), which creates a
 * database of its own on that server, runs the library and its baseline there, and reports medians.
 *
 * <p>System properties: {@code bench.scale} (default 1: the documented sizes; e.g. 0.05 for a quick run),
 * {@code bench.reps} (repetitions after the warm-up, default 5), {@code bench.scenarios} (comma-separated keys or
 * {@code all}), {@code bench.out} (where the Markdown table goes), {@code bench.jvmArgs} (more options for the
 * scenario JVMs, e.g. a profiler).
 */
public final class Benchmarks {

    /** A scenario's key, title and the heap its JVM gets. */
    record Plan(String key, String title, String heap) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("bulk", "1 bulk qualification", "256m"),
            new Plan("sync", "2 syncGroups", "256m"),
            new Plan("search", "3 search", "512m"),
            new Plan("reminders", "4 reminder claiming", "1g"),
            new Plan("inmemory", "5 in-memory store", "3g"),
            new Plan("edits", "6 concurrent edits", "512m"),
            new Plan("counts", "7 kept counts", "512m"),
            new Plan("text", "8 text search", "1g"),
            new Plan("funnel", "9 funnel", "1g"));

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String selected = System.getProperty("bench.scenarios", "all");
        List<String> keys = selected.equals("all") ? PLANS.stream().map(Plan::key).toList()
                : Arrays.asList(selected.split(","));
        long started = System.nanoTime();
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start()) {
            String serverInfo = describe(server);
            System.out.println("Lead Manager benchmarks, scale " + Bench.scale() + ", " + Bench.reps()
                    + " repetitions after a warm-up; " + serverInfo);
            for (String key : keys) {
                Plan plan = PLANS.stream().filter(p -> p.key().equals(key.strip())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + key + "'; known: "
                                + PLANS.stream().map(Plan::key).toList()));
                System.out.println();
                System.out.println("== " + plan.title() + " (-Xmx" + plan.heap() + ")");
                int exit = runScenario(plan, server.getPort(), results);
                if (exit != 0) {
                    failures.add(plan.title() + " exited with " + exit);
                }
            }
            String table = table(results);
            double minutes = (System.nanoTime() - started) / 60e9;
            System.out.println();
            System.out.println(table);
            System.out.printf(Locale.ROOT, "total %.1f min%n", minutes);
            failures.forEach(f -> System.out.println("FAILED: " + f));
            Path out = Path.of(System.getProperty("bench.out", "benchmark-results.md"));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, "Scale " + Bench.scale() + ", " + Bench.reps() + " repetitions; " + serverInfo
                    + "; total " + String.format(Locale.ROOT, "%.1f", minutes) + " min\n\n" + table);
            System.out.println("table written to " + out);
        }
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    private static int runScenario(Plan plan, int port, List<Result> results) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + plan.heap(), "-XX:+UseParallelGC",
                "-Dbench.port=" + port, "-Dbench.scale=" + Bench.scale(), "-Dbench.reps=" + Bench.reps(),
                "-Dorg.jboss.logging.provider=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path")));
        String extra = System.getProperty("bench.jvmArgs", "");
        if (!extra.isBlank()) {
            // e.g. a profiler: -Dbench.jvmArgs=-XX:StartFlightRecording=filename=bulk.jfr
            command.addAll(1, Arrays.asList(extra.strip().split("\\s+")));
        }
        command.addAll(List.of(ScenarioMain.class.getName(), plan.key()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (Result.isLine(line)) {
                    Result r = Result.parse(line);
                    results.add(r);
                    System.out.println("   result: " + r.metric() + ": ours " + Result.number(r.ours())
                            + ", baseline " + Result.number(r.baseline()) + ", ratio " + Result.ratioText(r.ratio()));
                } else {
                    System.out.println("   " + line);
                }
            }
        }
        return process.waitFor();
    }

    private static String describe(EmbeddedPostgres server) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version'),"
                        + " current_setting('shared_buffers'), current_setting('synchronous_commit'),"
                        + " current_setting('fsync'), current_setting('max_wal_size')")) {
            rs.next();
            return "embedded PostgreSQL " + rs.getString(1) + " (shared_buffers " + rs.getString(2)
                    + ", synchronous_commit " + rs.getString(3) + ", fsync " + rs.getString(4) + ", max_wal_size "
                    + rs.getString(5) + ")";
        }
    }

    /** The Markdown table of all results. */
    static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | metric | ours | baseline | ratio ours/baseline | target | met | notes |\n");
        sb.append("|---|---|---:|---:|---:|---|---|---|\n");
        for (Result r : results) {
            sb.append("| ").append(r.scenario()).append(" | ").append(r.metric()).append(" | ")
                    .append(Result.number(r.ours())).append(" | ").append(Result.number(r.baseline())).append(" | ")
                    .append(Result.ratioText(r.ratio())).append(" | ").append(r.target()).append(" | ")
                    .append(r.met()).append(" | ").append(r.note()).append(" |\n");
        }
        return sb.toString();
    }
}
