package org.leadmanager.domain.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;

/** The error text kept of a failed reminder attempt is storable in every database, whatever the error said. */
class ErrorTextTest {
    private static final int MAX = FollowUp.MAX_ERROR;
    private static final String SMILEY = "\uD83D\uDE00";

    @Test
    void namesTheExceptionClassBeforeItsMessage() {
        assertEquals("java.io.IOException: connection refused", ErrorText.of(new IOException("connection refused")));
    }

    @Test
    void anExceptionWithoutAMessageIsItsClassName() {
        assertEquals("java.io.IOException", ErrorText.of(new IOException()));
        assertEquals("java.io.IOException", ErrorText.of(new IOException(" \t\n ")));
    }

    @Test
    void anExceptionWhoseMessageThrowsIsItsClassName() {
        Exception unreadable = new IllegalStateException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getMessage() {
                throw new UnsupportedOperationException("no message");
            }
        };
        assertEquals(unreadable.getClass().getName(), ErrorText.of(unreadable));
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreReplaced() {
        assertEquals("a\uFFFDb\uFFFDc\td\r\ne\uFFFD\u007F\u0085",
                ErrorText.storable("a\u0000b\u001Bc\td\r\ne\u0007\u007F\u0085"));
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        assertEquals("\uFFFD x \uFFFD " + SMILEY + " \uFFFD\uFFFD",
                ErrorText.storable("\uD800 x \uDC00 " + SMILEY + " \uDE00\uD83D"));
    }

    @Test
    void nonCharactersAreReplaced() {
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD ok \uFFFD",
                ErrorText.storable("\uFFFE\uFFFF\uFDD0\uFDEF\uD83F\uDFFE\uDBFF\uDFFF ok \uFFFD"));
        assertEquals("\uFDCF\uFDF0", ErrorText.storable("\uFDCF\uFDF0"), "next to the non-character block");
    }

    @Test
    void textUpToTheLimitIsKeptWhole() {
        String full = "x".repeat(MAX);
        assertEquals(full, ErrorText.storable(full));
        assertNull(ErrorText.storable(null));
        assertEquals("", ErrorText.storable(""));
    }

    @Test
    void longerTextIsCutToTheLimitAndMarked() {
        String cut = ErrorText.storable("x".repeat(MAX + 1));

        assertEquals("x".repeat(MAX - 1) + "\u2026", cut);
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        for (int shift = 0; shift < 2; shift++) {
            String cut = ErrorText.storable("x".repeat(shift) + SMILEY.repeat(MAX));

            assertTrue(cut.length() <= MAX && cut.length() >= MAX - 2, "length " + cut.length());
            assertTrue(cut.endsWith(SMILEY + "\u2026"), "whole pairs up to the mark, shift " + shift);
            assertTrue(cut.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE),
                    "no lone surrogate, shift " + shift);
        }
    }

    @Test
    void aHugeMessageIsCutToTheLimit() {
        String cut = ErrorText.of(new IOException("\u0000".repeat(1_000_000)));

        assertEquals(MAX, cut.length());
        assertTrue(cut.startsWith("java.io.IOException: \uFFFD"));
    }

    @Test
    void aFailedAttemptKeepsItsErrorStorable() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        UserId owner = UserId.of("alice");
        FollowUp followUp = FollowUp.schedule(new FollowUpId(UUID.randomUUID()), TenantId.of("t"),
                new LeadId(UUID.randomUUID()), new ProjectId(UUID.randomUUID()), owner, now, "Call back", owner, now);

        FollowUp failed = followUp.claimed("node", now.plusSeconds(60)).attemptFailed("x\u0000".repeat(MAX), null);

        assertEquals("x\uFFFD".repeat(MAX / 2 - 1) + "x\u2026", failed.lastError());
    }
}
