package com.caricomtr.agent.sync;

import java.util.concurrent.locks.LockSupport;

/** Spaces out deliveries to at most {@code perSecond} starts per second, per site; Cari limits each company. */
final class RateLimiter {
    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    RateLimiter(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(nextFree, now);
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
