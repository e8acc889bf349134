package org.leadmanager;

import org.leadmanager.domain.followup.ErrorText;
import org.slf4j.Logger;

/**
 * How the dispatchers (reminders, escalations) keep a failed attempt: with the error's text, made storable by
 * {@link ErrorText}; if the store refuses that, with a fixed text; if it refuses that too, not at all, and the claim
 * expires like a dead node's (the claim counted the attempt all the same). Nothing of it is thrown.
 */
final class FailedAttempts {

    /** Writes a failed attempt; false if the store refused it. */
    @FunctionalInterface
    interface Store {
        /**
         * @param errorText what to store as the error
         * @param ifRefused what happens next if the store refuses it, for the log
         */
        boolean record(String errorText, String ifRefused);
    }

    private FailedAttempts() {
    }

    /**
     * Records the attempt, first with the error's own text, then with {@code unstorable}.
     *
     * @param last whether it was the last attempt
     * @return what became of the attempt, for the log ("; will retry", "; marked failed", "; not recorded, ...")
     */
    static String record(Store store, Exception error, boolean last, String unstorable) {
        boolean recorded = store.record(ErrorText.of(error), "; recording a fixed text instead")
                || store.record(unstorable, "; its claim expires after the lease");
        return !recorded ? "; not recorded, the attempt counts all the same" : last ? "; marked failed"
                : "; will retry";
    }

    /** Logs the failed attempt with the error; with only its class name should reading its message throw. */
    static void log(Logger log, String message, Exception error) {
        try {
            log.warn(message, error);
        } catch (RuntimeException unreadable) {
            // a logger reads the exception's message, which may throw
            log.warn("{}: {}", message, error.getClass().getName());
        }
    }
}
