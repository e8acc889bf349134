/**
 * Domain events published to the host after commit, wrapped in envelopes carrying a unique id.
 */
package org.leadmanager.domain.event;
