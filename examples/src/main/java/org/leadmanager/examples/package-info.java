/**
 * Runnable examples: {@link org.leadmanager.examples.Demo} walks through a whole lead manager story, and each
 * {@code *Example} shows one feature a host developer looks for. {@link org.leadmanager.examples.ExampleCrm} plays
 * the host CRM (contacts, groups, users).
 */
package org.leadmanager.examples;
