package org.leadmanager.domain.project;

import java.util.Objects;
import org.leadmanager.domain.UserId;
import org.leadmanager.error.ValidationException;

/**
 * A member of a project's team with their share of new leads.
 *
 * @param user         the member
 * @param weight       their share of round-robin assignments relative to the others' weights, 1 to 1000
 * @param maxOpenLeads the most open leads of the project they get by automatic assignment; null for no cap
 */
public record TeamMember(UserId user, int weight, Integer maxOpenLeads) {
    public static final int MAX_WEIGHT = 1000;

    public TeamMember {
        Objects.requireNonNull(user, "user");
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw ValidationException.of("weight", "Range", "must be 1 to " + MAX_WEIGHT + ", was " + weight,
                    "min", 1, "max", MAX_WEIGHT);
        }
        if (maxOpenLeads != null && maxOpenLeads < 0) {
            throw ValidationException.of("maxOpenLeads", "PositiveOrZero", "must be 0 or more, was " + maxOpenLeads);
        }
    }

    /** A member of weight 1 without a cap. */
    public static TeamMember of(UserId user) {
        return new TeamMember(user, 1, null);
    }

    /** This member with another weight. */
    public TeamMember withWeight(int newWeight) {
        return new TeamMember(user, newWeight, maxOpenLeads);
    }

    /** This member with a cap of open leads (null: none). */
    public TeamMember withMaxOpenLeads(Integer cap) {
        return new TeamMember(user, weight, cap);
    }

    /** Whether a member with this many open leads of the project may get another one. */
    public boolean belowCap(long openLeads) {
        return maxOpenLeads == null || openLeads < maxOpenLeads;
    }
}
