/**
 * The contract test kit: abstract JUnit 5 and jqwik tests every store adapter must pass, with the fixtures they run
 * on (a mutable clock, fake host directories, recording publisher and notifier). Subclass
 * {@link org.leadmanager.tck.LeadManagerContract} once in an adapter's tests and return the store under test.
 */
package org.leadmanager.tck;
