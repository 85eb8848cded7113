package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The limiter says how many may start now, so that the worker claims no more than that. */
class RateLimiterTest {
    @Test
    void afterAPauseUpToTheBurstStartsAtOnceAndNeverMore() throws Exception {
        RateLimiter limiter = new RateLimiter(1000, 8);
        Thread.sleep(50);

        assertThat(limiter.acquireUpTo(100)).as("50 ms is worth 50 starts, the burst is 8").isEqualTo(8);
    }

    @Test
    void theBurstIsNeverMoreThanOneSecondsWorth() throws Exception {
        RateLimiter limiter = new RateLimiter(2, 16);
        Thread.sleep(1500);

        assertThat(limiter.acquireUpTo(16)).isEqualTo(2);
    }

    @Test
    void aSlowRateLetsOneGoAndTheNextWaitsItsTurn() throws Exception {
        RateLimiter limiter = new RateLimiter(0.25, 4);
        assertThat(limiter.acquireUpTo(4)).isEqualTo(1);

        AtomicInteger second = new AtomicInteger(-1);
        Thread waiting = Thread.ofVirtual().start(() -> second.set(limiter.acquireUpTo(4)));
        Thread.sleep(300);
        assertThat(second.get()).as("still waiting: the next start is 4 s after the first").isEqualTo(-1);
        waiting.interrupt();
        await().atMost(Duration.ofSeconds(2)).until(() -> second.get() == 0);
    }

    @Test
    void startsGivenBackCanBeTakenAgainAtOnce() {
        RateLimiter limiter = new RateLimiter(0.25, 1);
        assertThat(limiter.acquireUpTo(1)).isEqualTo(1);

        limiter.giveBack(1);

        assertThat(limiter.acquireUpTo(1)).as("nobody used it: no wait").isEqualTo(1);
    }
}
