/**
 * The in-memory store adapter: a complete, thread-safe implementation of the store SPI
 * ({@link org.leadmanager.spi.LeadStore}) that keeps every aggregate in the JVM heap, for tests, demos and small
 * hosts that need no database. Its only public type is {@link org.leadmanager.inmemory.InMemoryLeadStore}, created
 * with {@link org.leadmanager.inmemory.InMemoryLeadStore#create()}; it serialises units of work, rolls them back
 * through an undo log, indexes leads per project, status and owner so list pages never scan a whole tenant, and
 * keeps an outbox of committed events for {@link org.leadmanager.spi.LeadStore#relayEvents}. Data is lost when the
 * process ends.
 */
package org.leadmanager.inmemory;
