/**
 * The performance harness: each scenario runs the library and a hand-written baseline side by side on one embedded
 * PostgreSQL 17 and reports the medians. {@link org.leadmanager.benchmarks.Benchmarks} is the entry point; nothing
 * here runs during the build.
 */
package org.leadmanager.benchmarks;
