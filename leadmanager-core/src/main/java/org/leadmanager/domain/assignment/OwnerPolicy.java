package org.leadmanager.domain.assignment;

/**
 * One way to find owners for new leads. It decides what it can for the {@link Undecided#open() open} positions of a
 * batch and leaves the rest to the next policy; it never gives a lead to an inactive user.
 */
@FunctionalInterface
public interface OwnerPolicy {

    /** Decides owners for some, all or none of the batch's open positions. */
    void decide(Undecided batch, AssignmentFacts facts);
}
