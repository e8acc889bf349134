/**
 * The application API: build a {@link org.leadmanager.LeadManager} once and use its topics (projects,
 * qualification, leads, follow-ups, search). Every call takes the calling {@link org.leadmanager.domain.Actor},
 * validates its input, checks access, and fails with a {@link org.leadmanager.error.LeadManagerException} that changed
 * nothing.
 */
package org.leadmanager;

import org.leadmanager.error.LeadManagerException;
