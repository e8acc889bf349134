package org.leadmanager.domain.lead;

/** Why a lead has its owner (or none). */
public enum OwnerReasonKind {
    /** Nobody owns it: the policy is NONE or found no active user, or a user unassigned it. */
    UNASSIGNED,
    /** A criteria rule matched; detail = rule name. */
    RULE,
    /** Round-robin over the team. */
    ROUND_ROBIN,
    /** Fewest open leads in the team. */
    LEAST_OPEN_LEADS,
    /** The policy's fallback user. */
    FALLBACK,
    /** Assigned by hand. */
    MANUAL
}
