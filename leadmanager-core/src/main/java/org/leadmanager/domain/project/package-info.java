/**
 * Projects (lead managers) with their status lists, allowed transitions, team, bound contact groups and
 * assignment policy; marketing actions that qualify contacts for projects.
 */
package org.leadmanager.domain.project;
