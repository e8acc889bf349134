package org.leadmanager.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Harness options and measuring helpers shared by the scenarios. */
final class Bench {

    private Bench() {
    }

    /** Multiplies every scenario size; 1 gives the documented sizes. */
    static double scale() {
        return Double.parseDouble(System.getProperty("bench.scale", "1"));
    }

    /** Measured repetitions after the warm-up; at least 5 count for the documented results. */
    static int reps() {
        return Integer.getInteger("bench.reps", 5);
    }

    static int port() {
        return Integer.getInteger("bench.port");
    }

    /** A size scaled by {@link #scale()}, at least {@code min}. */
    static int scaled(int size, int min) {
        return Math.max(min, (int) Math.round(size * scale()));
    }

    /** Seconds the work takes. */
    static double seconds(ThrowingRunnable work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Mean milliseconds per call over {@code calls} calls. */
    static double millisPerCall(int calls, ThrowingRunnable call) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / 1e6 / calls;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String list(List<Double> values) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : values) {
            sb.append(sb.length() == 1 ? "" : ", ").append(Result.number(v));
        }
        return sb.append(']').toString();
    }

    static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    static String yesNo(boolean met) {
        return met ? "yes" : "no";
    }

    /** Work that may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
