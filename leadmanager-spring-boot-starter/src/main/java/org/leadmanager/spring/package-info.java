/**
 * Spring Boot auto-configuration of Lead Manager: a {@link org.leadmanager.LeadManager} bean on the host's JPA
 * set-up that joins the host's Spring transactions ({@link org.leadmanager.spring.SpringTransactionLeadStore}), the
 * reminder dispatcher and the event relay as lifecycle beans, the library's events as Spring application events,
 * the library's tables through Flyway, {@code leadmanager.*} properties, Micrometer meters and observations, and a
 * health indicator.
 */
package org.leadmanager.spring;
