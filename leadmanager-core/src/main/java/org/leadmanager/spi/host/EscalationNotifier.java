package org.leadmanager.spi.host;

/**
 * Host port: tells someone that a lead's first response is overdue (e-mail, push, task list...). Called at least
 * once per breach and at most as often as the dispatcher's {@code maxAttempts}: a throw makes another attempt follow
 * after a backoff, a node that dies before the breach is settled makes one follow once the claim's lease ends, each
 * with the same {@link Escalation#idempotencyKey}. After the last failed attempt the breach is listed by
 * {@code Projects.failedEscalations}.
 */
@FunctionalInterface
public interface EscalationNotifier {

    void notify(Escalation escalation) throws Exception;
}
