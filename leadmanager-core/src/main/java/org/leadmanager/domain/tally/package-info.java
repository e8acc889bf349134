/**
 * Kept tallies: numbers per project that are kept as changes commit instead of being counted from the leads when
 * asked, so reading them costs the same at a thousand leads and at ten million. A change's tally deltas are derived
 * from what it decided ({@link org.leadmanager.domain.tally.Tallies#of}), as its timeline entries are, and go to the
 * store in the same unit of work; a tally's value is the sum of its deltas. The lead tallies
 * ({@link org.leadmanager.domain.tally.Tally#STATUS}, {@link org.leadmanager.domain.tally.Tally#OWNER}) answer the
 * lead managers list, the counts beside the status checkboxes and least-open-leads assignment.
 */
package org.leadmanager.domain.tally;
