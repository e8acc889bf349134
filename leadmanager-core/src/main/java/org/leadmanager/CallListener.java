package org.leadmanager;

/**
 * Host hook: told of every call of the lead manager's API ({@link Projects}, {@link Qualification}, {@link Leads},
 * {@link FollowUps}, {@link Search}), for metrics or tracing. Set with {@link LeadManagerBuilder#callListener}; the
 * default, {@link #none()}, does nothing.
 *
 * <p>{@link #started} runs on the caller's thread before the call's input is checked, and the returned
 * {@link Call#ended} on the same thread when the call returns or throws, so a listener may keep thread-bound state
 * (such as a tracing scope) between the two. A listener must be thread-safe and fast. What it throws is logged and
 * ignored: it never changes the call's outcome.
 */
@FunctionalInterface
public interface CallListener {

    /**
     * A call begins.
     *
     * @param api       the API's simple interface name, e.g. {@code "Leads"}
     * @param operation the method's name, e.g. {@code "changeStatus"}
     * @return told once when this call ends; null is taken as nothing to tell
     */
    Call started(String api, String operation);

    /** The end of one call. */
    @FunctionalInterface
    interface Call {
        /**
         * The call returned or threw.
         *
         * @param failure what it threw (a {@link org.leadmanager.error.LeadManagerException} for the library's own
         *                failures), or null when it returned
         */
        void ended(Throwable failure);
    }

    /** A listener that does nothing, the default. */
    static CallListener none() {
        return NoCallListener.INSTANCE;
    }
}
