/**
 * Runnable examples: {@link org.leadmanager.examples.Demo} walks through a whole lead manager story, and each
 * {@code *Example} shows one feature a host developer looks for. An
 * {@link org.leadmanager.inmemory.InMemoryDirectory} plays the host CRM (contacts, groups, users). The README's
 * quick start is checked by the build as it stands in the README.
 */
package org.leadmanager.examples;
