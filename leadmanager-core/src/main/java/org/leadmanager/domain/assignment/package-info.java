/**
 * Who gets a new lead: small owner policies ({@link org.leadmanager.domain.assignment.RulePolicy},
 * {@link org.leadmanager.domain.assignment.RoundRobinPolicy}, {@link org.leadmanager.domain.assignment.LeastOpenPolicy},
 * {@link org.leadmanager.domain.assignment.FallbackPolicy}) composed by
 * {@link org.leadmanager.domain.assignment.FirstDecision}: each decides what it can for the leads still undecided,
 * the first decision wins, and a lead nobody decided stays unassigned. The chain is built from a project's stored
 * {@link org.leadmanager.domain.project.AssignmentPolicy}. What the policies need from the store and the host comes
 * through {@link org.leadmanager.domain.assignment.AssignmentFacts}, so they run without either.
 */
package org.leadmanager.domain.assignment;
