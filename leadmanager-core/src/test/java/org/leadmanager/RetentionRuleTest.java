package org.leadmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.domain.DomainFixture.LOST;
import static org.leadmanager.domain.DomainFixture.T0;
import static org.leadmanager.domain.DomainFixture.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.tally.Tallies;

/** Which leads a retention rule covers, and what erasing a lead does to the kept tallies. */
class RetentionRuleTest {
    private static final Duration LIMIT = Duration.ofDays(30);

    private final Project project = DomainFixture.project();
    private final Lead open = DomainFixture.lead(project);
    private final Lead lost = LeadChanges.moveTo(DomainFixture.lead(project), project, LOST, StatusCategory.LOST,
            "no budget", T0).state();

    @Test
    void aLimitUnderASecondIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RetentionRule.lostFor(TENANT, project.id(), Duration.ofMillis(999)));
    }

    @Test
    void aLostRuleCoversLostLeadsStrictlyPastTheirLimitOnly() {
        RetentionRule rule = RetentionRule.lostFor(TENANT, project.id(), LIMIT);
        Instant atLimit = lost.lastActivityAt().plus(LIMIT);
        assertFalse(rule.covers(lost, project, atLimit), "exactly at the limit it is kept");
        assertTrue(rule.covers(lost, project, atLimit.plusNanos(1000)));
        assertFalse(rule.covers(open, project, atLimit.plus(LIMIT)), "an open lead is not lost");
        RetentionRule elsewhere = RetentionRule.lostFor(TENANT, new ProjectId(UUID.randomUUID()), LIMIT);
        assertFalse(elsewhere.covers(lost, project, atLimit.plus(LIMIT)), "another project's rule");
    }

    @Test
    void anUntouchedRuleCoversEveryStatus() {
        RetentionRule rule = RetentionRule.untouchedFor(TENANT, project.id(), LIMIT);
        Instant later = open.lastActivityAt().plus(LIMIT).plusSeconds(1);
        assertTrue(rule.covers(open, project, later));
        assertTrue(rule.covers(lost, project, later.plus(LIMIT)));
    }

    @Test
    void anErasedLeadLeavesTheTalliesAsIfItHadNeverBeenQualified() {
        List<?> receipt = Tallies.net(Tallies.of(LeadChanges.erased(lost, ErasureReason.REQUEST)));
        assertEquals(List.of(), receipt, "the receipt alone changes no count");
        List<?> counted = Tallies.net(Tallies.of(LeadChanges.qualified(lost)));
        assertEquals(counted.size(), Tallies.removed(lost).size());
        assertEquals(List.of(), Tallies.net(concat(Tallies.of(LeadChanges.qualified(lost)), Tallies.removed(lost))),
                "removal takes off exactly what qualification added");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
