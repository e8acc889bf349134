package org.leadmanager;

import org.leadmanager.domain.project.Project;

/**
 * A project with its lead counts.
 *
 * @param project the project
 * @param counts  leads per status, in status-list order
 */
public record ProjectOverview(Project project, StatusCounts counts) {
}
