/**
 * Domain events published to the host after commit, wrapped in envelopes carrying a unique id; what the
 * aggregates' commands cause ({@link org.leadmanager.domain.event.Changed}, answered by
 * {@link org.leadmanager.domain.event.LeadChanges}, {@link org.leadmanager.domain.event.FollowUpChanges} and
 * {@link org.leadmanager.domain.event.ProjectChanges}); and the lead timeline entries derived from those events
 * ({@link org.leadmanager.domain.event.Timeline}). The commands live here rather than on the aggregates because the
 * events carry lead and project values, so this package depends on theirs: the aggregates check the rules, this
 * package names what happened.
 */
package org.leadmanager.domain.event;
