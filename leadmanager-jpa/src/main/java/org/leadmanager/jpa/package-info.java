/**
 * The JPA store: {@link org.leadmanager.jpa.JpaLeadStore} implements the store SPI on a host's
 * EntityManagerFactory. Everything else here is internal: the persistence model ({@code *Entity}, each with its
 * mapping to and from the domain), the repositories, the publication registry of events and the per-database SQL. The SQL schema scripts
 * ship in the jar under {@code db/leadmanager/<database>/}.
 */
package org.leadmanager.jpa;
