package org.leadmanager;

import java.time.Instant;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.StatusKey;

/**
 * One recorded status change of a lead.
 *
 * @param at     when
 * @param by     who
 * @param from   the previous status
 * @param to     the new status
 * @param reason the disqualification reason, else null
 */
public record StatusChange(Instant at, UserId by, StatusKey from, StatusKey to, String reason) {
}
