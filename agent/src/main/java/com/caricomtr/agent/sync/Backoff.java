package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time up to base·2ⁿ⁻¹ (capped), so that many
 * orders failing together do not return together. Cari's {@code Retry-After} is a floor, never shortened.
 */
final class Backoff {
    private Backoff() {
    }

    static Duration delay(int attempt, Duration base, Duration max, Duration retryAfter) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
