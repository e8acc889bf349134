package org.leadmanager.benchmarks;

import java.util.List;

/** One benchmark scenario: sets up its own database, measures ours and the baseline, returns the table rows. */
interface Scenario {

    List<Result> run() throws Exception;
}
