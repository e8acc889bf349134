/**
 * The in-memory store adapter: a complete, thread-safe implementation of the store SPI
 * ({@link org.leadmanager.spi.store.LeadStore}) that keeps every aggregate in the JVM heap, for tests, demos and small
 * hosts that need no database. Its public types are {@link org.leadmanager.inmemory.InMemoryLeadStore}, created
 * with {@link org.leadmanager.inmemory.InMemoryLeadStore#create()}, and
 * {@link org.leadmanager.inmemory.InMemoryDirectory}, the host ports for contacts, groups and users kept in memory
 * for prototypes, demos and tests. The store serialises units of work, rolls them back through an undo log, indexes
 * leads per project, status and owner so list pages never scan a whole tenant, and keeps the publication registry of
 * committed events ({@link org.leadmanager.spi.store.EventRegistry}). Data is lost when the process ends.
 */
package org.leadmanager.inmemory;
