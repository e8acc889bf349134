package org.leadmanager.spi.host;

/**
 * Host port: tells the follow-up's owner that it is due (e-mail, push, task list...). Called at least once per
 * due time; a throw makes the dispatcher retry with backoff and, after the last attempt, mark the reminder failed.
 */
@FunctionalInterface
public interface ReminderNotifier {

    void notify(Reminder reminder) throws Exception;
}
