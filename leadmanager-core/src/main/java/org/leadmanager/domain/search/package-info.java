/**
 * Search criteria, sort orders and keyset positions, with their reference semantics
 * ({@link org.leadmanager.domain.search.LeadCriteria#matches}, {@link org.leadmanager.domain.search.LeadOrdering})
 * that every store must reproduce.
 */
package org.leadmanager.domain.search;
