package org.leadmanager.spi.host;

/**
 * Host port: tells someone that a lead's first response is overdue (e-mail, push, task list...). Called at least
 * once per breach: a throw, or a node that dies before the breach is settled, makes another attempt follow once
 * the claim's lease ends, with the same {@link Escalation#idempotencyKey}.
 */
@FunctionalInterface
public interface EscalationNotifier {

    void notify(Escalation escalation) throws Exception;
}
