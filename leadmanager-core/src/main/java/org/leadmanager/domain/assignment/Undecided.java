package org.leadmanager.domain.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;

/**
 * A batch of new leads being given owners: their contact cards in order and the decisions made so far. Policies
 * read {@link #open()} and {@link #decide} what they can; a decision, once made, is final.
 */
public final class Undecided {
    private final List<ContactCard> cards;
    private final OwnerDecision[] decisions;
    private final UserId by;

    /**
     * @param cards the new leads' cards, in order, non-null
     * @param by    who the decisions are made for (the acting user), non-null
     */
    public Undecided(List<ContactCard> cards, UserId by) {
        this.cards = List.copyOf(cards);
        this.decisions = new OwnerDecision[this.cards.size()];
        this.by = Objects.requireNonNull(by, "by");
    }

    /** Positions still without an owner decision, ascending. */
    public List<Integer> open() {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < decisions.length; i++) {
            if (decisions[i] == null) {
                open.add(i);
            }
        }
        return Collections.unmodifiableList(open);
    }

    /** The card of the lead at a position. */
    public ContactCard card(int position) {
        return cards.get(position);
    }

    /** Who the decisions are made for. */
    public UserId by() {
        return by;
    }

    /**
     * Decides the owner at a position.
     *
     * @throws IllegalStateException if it is decided already: the first decision wins
     */
    public void decide(int position, OwnerDecision decision) {
        if (decisions[position] != null) {
            throw new IllegalStateException("lead " + position + " has its owner decided already");
        }
        decisions[position] = Objects.requireNonNull(decision, "decision");
    }

    /** The decisions, in order; null where none was made. */
    public List<OwnerDecision> decisions() {
        return Collections.unmodifiableList(Arrays.asList(decisions.clone()));
    }
}
