/**
 * Store SPI: what a storage adapter implements. {@link org.leadmanager.spi.store.LeadStore} runs units of work;
 * {@link org.leadmanager.spi.store.StoreSession} gives the repositories of one unit of work, the reminder claim queue
 * and the publication registry of events ({@link org.leadmanager.spi.store.EventRegistry}). The contract kit
 * ({@code leadmanager-tck}) proves an adapter; a host only picks one ({@code InMemoryLeadStore},
 * {@code JpaLeadStore}) and never calls this package itself.
 */
package org.leadmanager.spi.store;
