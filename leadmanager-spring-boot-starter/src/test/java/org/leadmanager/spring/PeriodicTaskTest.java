package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadmanager.spring.SpringTransactionsTest.awaitTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The starter's polling: a round that fails, even with an {@link Error}, does not end the polling. */
class PeriodicTaskTest {

    @Test
    void aRoundFailingWithAnErrorLeavesThePollingRunning() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger starts = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("test-task", Duration.ofMillis(10), 1) {
            @Override
            void runOnce() {
                int round = rounds.incrementAndGet();
                if (round == 1) {
                    throw new AssertionError("a listener's assertion");
                }
                if (round == 2) {
                    throw new IllegalStateException("a listener's failure");
                }
            }

            @Override
            void starting() {
                starts.incrementAndGet();
            }
        };
        task.start();
        try {
            awaitTrue(() -> rounds.get() >= 4, "rounds go on after an Error and an exception");
        } finally {
            task.stop();
        }
        assertThat(task.isRunning()).isFalse();

        int stopped = rounds.get();
        task.start();
        try {
            awaitTrue(() -> rounds.get() > stopped, "started again, it polls again");
        } finally {
            task.stop();
        }
        assertThat(starts.get()).isEqualTo(2);
    }
}
