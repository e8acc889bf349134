package org.leadmanager.domain.project;

/** How a project picks an owner for a new lead when no criteria rule matched. */
public enum AssignmentStrategy {
    /** Leave the lead unassigned. */
    NONE,
    /** The next active team member, in team order; the position is stored per project. */
    ROUND_ROBIN,
    /** The active team member with the fewest open leads in the project (ties: team order). */
    LEAST_OPEN_LEADS
}
