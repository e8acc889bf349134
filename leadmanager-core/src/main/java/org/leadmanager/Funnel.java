package org.leadmanager;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/**
 * A project's conversion funnel for a window of days (UTC dates, both ends included), in slices. What happened in
 * the window: leads qualified, leads coming onto each status, conversions (onto a WON status from one that is not
 * WON) and losses (onto a LOST status from one that is not LOST) with their reasons, and the time leads spent on
 * each status they left. What is now: the open leads per status and their ageing, whatever the window.
 *
 * <p>Each event is counted in the slice of the owner the lead had when it happened, and of the lead's source. A
 * lead erased for privacy leaves no trace; a lead folded into another by a contact merge keeps what it did.
 * Statuses are the project's, in its order, then statuses it retired that still have figures (without label and
 * category). Moves off a retired status (its leads going to the replacement) are neither conversions nor losses;
 * the lost reasons count every disqualification in the window, those among LOST statuses and those of a
 * retirement's moves too, so they may add up to more than the losses.
 *
 * @param project the project
 * @param from    the window's first day
 * @param to      the window's last day
 * @param by      how the figures are sliced
 * @param slices  {@link Breakdown#PROJECT}: one slice, always; otherwise one per owner or source with any figure,
 *                owners by id with the unowned last, sources manual first, then groups and actions by id
 */
public record Funnel(ProjectId project, LocalDate from, LocalDate to, Breakdown by, List<Slice> slices) {

    public Funnel {
        slices = List.copyOf(slices);
    }

    /** How a funnel is sliced. */
    public enum Breakdown {
        /** One slice: the whole project. */
        PROJECT,
        /** A slice per owner, and one for leads without an owner. */
        OWNER,
        /** A slice per source: manual qualification, each contact group, each marketing action. */
        SOURCE
    }

    /**
     * The figures of one slice.
     *
     * @param owner           {@link Breakdown#OWNER}: the owner, null for leads without one; otherwise null
     * @param sourceKind      {@link Breakdown#SOURCE}: the source's kind; otherwise null
     * @param sourceReference {@link Breakdown#SOURCE}: the group or action id, null for manual; otherwise null
     * @param qualified       leads qualified in the window
     * @param converted       moves onto a WON status from one that is not WON (nor retired), in the window
     * @param lost            moves onto a LOST status from one that is not LOST (nor retired), in the window
     * @param stages          per status: entries, exits, time on it, open leads now
     * @param lostReasons     disqualifications in the window per reason: the project's listed reasons in their order
     *                        (also those given 0 times), then free reasons, most frequent first
     * @param ageing          the slice's open leads now by days since their qualification, youngest first
     */
    public record Slice(UserId owner, OriginKind sourceKind, String sourceReference, long qualified, long converted,
            long lost, List<Stage> stages, List<Reason> lostReasons, List<Age> ageing) {

        public Slice {
            stages = List.copyOf(stages);
            lostReasons = List.copyOf(lostReasons);
            ageing = List.copyOf(ageing);
        }

        /** Conversions per lead qualified in the window; 0 when none was qualified. */
        public double conversionRate() {
            return qualified == 0 ? 0 : (double) converted / qualified;
        }

        /** Losses per lead qualified in the window; 0 when none was qualified. */
        public double lossRate() {
            return qualified == 0 ? 0 : (double) lost / qualified;
        }

        /** The stage of a status, if the slice has it. */
        public java.util.Optional<Stage> stage(StatusKey status) {
            return stages.stream().filter(s -> s.status().equals(status)).findFirst();
        }
    }

    /**
     * One status of a slice.
     *
     * @param status     the status
     * @param label      its label; null for a status the project retired
     * @param category   its category; null for a status the project retired
     * @param entered    leads that came onto it in the window (qualified onto it, or moved there)
     * @param left       leads that left it in the window
     * @param medianStay of the leads that left it in the window, the median time they had been on it; null when
     *                   none left. Kept in buckets growing by about 19% from one minute on, and given as the end
     *                   of the median's bucket: never below the true median, at most about 19% above it (or under
     *                   a minute)
     * @param p90Stay    the same for the 90th percentile
     * @param open       leads on it now, if it is an OPEN status (whatever the window); else 0
     */
    public record Stage(StatusKey status, String label, StatusCategory category, long entered, long left,
            Duration medianStay, Duration p90Stay, long open) {
    }

    /**
     * Disqualifications for one reason.
     *
     * @param key   the reason's key: its text as a status key is made from a label ({@link StatusKey#fromLabel}),
     *              so "Zu teuer" and "zu teuer!" are one reason; empty for texts without a letter or digit
     * @param label the label of the project's listed reason with this key
     *              ({@link org.leadmanager.domain.project.Project#lostReasons}); null for a free reason
     * @param leads disqualifications with the reason in the window
     */
    public record Reason(String key, String label, long leads) {
    }

    /**
     * Open leads of an age.
     *
     * @param fromDays the least age in whole days since qualification (UTC dates)
     * @param toDays   the first age no longer in the band; null for the last band
     * @param leads    open leads of the slice of that age now
     */
    public record Age(int fromDays, Integer toDays, long leads) {
    }
}
