/**
 * Store SPI: what a storage adapter implements. {@link org.leadmanager.spi.store.LeadStore} runs units of work and
 * relays events; {@link org.leadmanager.spi.store.StoreSession} gives the repositories of one unit of work. The
 * contract kit ({@code leadmanager-tck}) proves an adapter; a host only picks one ({@code InMemoryLeadStore},
 * {@code JpaLeadStore}) and never calls this package itself.
 */
package org.leadmanager.spi.store;
