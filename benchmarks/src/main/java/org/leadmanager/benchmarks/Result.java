package org.leadmanager.benchmarks;

import java.util.Locale;

/**
 * One row of the results table: our figure, the baseline's (NaN when there is none), and the target.
 *
 * @param scenario       e.g. "1 bulk qualification"
 * @param metric         what was measured, e.g. "new leads/s"
 * @param ours           our median
 * @param baseline       the baseline's median, or NaN
 * @param higherIsBetter whether a larger figure is better (throughput) or worse (time)
 * @param target         the target on the ratio ours ÷ baseline in words, e.g. "≥ 0.80", or "-"
 * @param met            "yes", "no" or "-"
 * @param note           anything a reader needs to judge the figure
 */
record Result(String scenario, String metric, double ours, double baseline, boolean higherIsBetter, String target,
        String met, String note) {

    private static final String PREFIX = "RESULT\t";

    double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : ours / baseline;
    }

    /** The line a scenario JVM prints for the orchestrator. */
    String line() {
        return PREFIX + String.join("\t", scenario, metric, Double.toString(ours), Double.toString(baseline),
                Boolean.toString(higherIsBetter), target, met, note.replace('\t', ' ').replace('\n', ' '));
    }

    static boolean isLine(String line) {
        return line.startsWith(PREFIX);
    }

    static Result parse(String line) {
        String[] f = line.substring(PREFIX.length()).split("\t", -1);
        return new Result(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Boolean.parseBoolean(f[4]),
                f[5], f[6], f[7]);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String ratioText(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
