package com.caricomtr.agent.sync;

import java.time.Duration;

/**
 * How a loop that cannot work without the database waits out an outage: it tries again after 1 s, doubling up to
 * 30 s, and the wait starts again from 1 s after its next success. The outage is logged once when it begins and once
 * when it ends, not once per attempt: a five-minute outage is two lines, not thirty.
 *
 * <p>Not thread-safe: one loop owns one.
 */
final class OutageBackoff {
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(OutageBackoff.class.getName());

    private final String who;
    private Duration nextWait = FIRST_WAIT;
    private long outageStartNanos;
    private int failures;

    /** @param who names the loop in the two log lines, e.g. {@code site shop-1: backfill 7} */
    OutageBackoff(String who) {
        this.who = who;
    }

    /** The work failed: logs the outage if this is its first failure, and says how long to wait before trying again. */
    Duration failed(RuntimeException cause) {
        if (failures++ == 0) {
            outageStartNanos = System.nanoTime();
            LOG.log(System.Logger.Level.WARNING, who + ": the database failed (" + cause.getMessage()
                    + "); trying again until it answers, backing off to " + LONGEST_WAIT.toSeconds()
                    + " s between attempts");
        }
        Duration wait = nextWait;
        nextWait = nextWait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : nextWait.multipliedBy(2);
        return wait;
    }

    /**
     * The work went through: logs the end of the outage, if there was one, and resets the wait.
     *
     * @param next what the loop does now, for the log line, e.g. {@code continuing after order 1234}
     */
    void succeeded(String next) {
        if (failures > 0) {
            long millis = Duration.ofNanos(System.nanoTime() - outageStartNanos).toMillis();
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "%s: the database answers again after %.1f s (%d failed attempt%s); %s", who, millis / 1000.0,
                    failures, failures == 1 ? "" : "s", next));
        }
        failures = 0;
        nextWait = FIRST_WAIT;
    }

    /** True between a failure and the next success. */
    boolean inOutage() {
        return failures > 0;
    }
}
