package com.caricomtr.agent.sync;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces out deliveries to at most {@code perSecond} starts per second, per site; Cari limits each company.
 *
 * <p>The worker asks before it claims, not after: an order claimed and then held back here would wait with its
 * lease ticking, and at a slow rate (0.25/s) the lease could run out before its turn. So the limiter answers how
 * many may start <em>now</em> ({@link #acquireUpTo}), the worker claims at most that many, and gives back what it
 * could not use ({@link #giveBack}).
 *
 * <p>After a pause up to {@code burst} starts are allowed at once, so that a batch costs one claim, never more than
 * one second's worth: the average stays {@code perSecond}.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final int burst;
    /** When the next start is allowed; lags at most {@code burst - 1} intervals behind now. */
    private long nextFree = System.nanoTime();

    RateLimiter(double perSecond, int burst) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate per second must be positive, got " + perSecond);
        }
        this.intervalNanos = Math.max(1, (long) (1_000_000_000L / perSecond));
        this.burst = (int) Math.max(1, Math.min(burst, Math.floor(perSecond)));
    }

    /**
     * Waits until at least one start is allowed, then takes as many as are allowed now, up to {@code wanted}.
     * Returns 0 only when interrupted (the interrupt stays set) or when {@code wanted} is 0.
     */
    int acquireUpTo(int wanted) {
        return acquireUpTo(wanted, () -> true);
    }

    /**
     * As {@link #acquireUpTo(int)}, giving up (0) once {@code keepWaiting} says no: checked whenever the waiting
     * thread is unparked, so that a stopping worker need not sit out a slow rate's interval.
     */
    int acquireUpTo(int wanted, java.util.function.BooleanSupplier keepWaiting) {
        while (wanted > 0 && keepWaiting.getAsBoolean()) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                nextFree = Math.max(nextFree, now - (burst - 1) * intervalNanos);
                if (nextFree <= now) {
                    int allowed = (int) Math.min(burst, (now - nextFree) / intervalNanos + 1);
                    int taken = Math.min(wanted, allowed);
                    nextFree += taken * intervalNanos;
                    return taken;
                }
                wait = nextFree - now;
            }
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return 0;
            }
        }
        return 0;
    }

    /** Returns starts taken by {@link #acquireUpTo} but not used: fewer orders were due than allowed. */
    synchronized void giveBack(int unused) {
        if (unused > 0) {
            nextFree -= unused * intervalNanos;
        }
    }
}
