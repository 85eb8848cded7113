package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a site is synced: which statuses trigger an invoice, how often to poll, how hard to push Cari, how to retry.
 *
 * @param concurrency    deliveries in flight towards Cari at once, per site
 * @param ratePerSecond  deliveries started per second at most, per site (Cari's limits are per company)
 * @param maxAttempts    attempts of a retryable failure before the order is marked failed
 * @param lease          how long a claimed order stays with this agent before another may recover it
 */
public record SyncPolicy(List<String> triggerStatuses,
                         Duration pollInterval,
                         int concurrency,
                         double ratePerSecond,
                         int maxAttempts,
                         Duration baseBackoff,
                         Duration maxBackoff,
                         Duration lease,
                         int retentionDays) {

    /** Ten years: the most a retention may be. */
    public static final int MAX_RETENTION_DAYS = 3650;

    public static final SyncPolicy DEFAULTS = new SyncPolicy(List.of("processing", "completed"), Duration.ofSeconds(2),
            4, 20, 8, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(60), 30);

    public SyncPolicy {
        triggerStatuses = triggerStatuses.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .map(s -> s.startsWith("wc-") ? s.substring(3) : s).distinct().toList();
        if (triggerStatuses.isEmpty()) {
            throw new IllegalArgumentException("trigger statuses must not be empty");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be 1..64, got " + concurrency);
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate per second must be positive, got " + ratePerSecond);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention days must be 1.." + MAX_RETENTION_DAYS + ", got "
                    + retentionDays);
        }
    }

    public boolean triggers(String status) {
        return triggerStatuses.contains(status);
    }

    public SyncPolicy withTriggerStatuses(List<String> statuses) {
        return new SyncPolicy(statuses, pollInterval, concurrency, ratePerSecond, maxAttempts, baseBackoff,
                maxBackoff, lease, retentionDays);
    }

    public SyncPolicy withRetentionDays(int days) {
        return new SyncPolicy(triggerStatuses, pollInterval, concurrency, ratePerSecond, maxAttempts, baseBackoff,
                maxBackoff, lease, days);
    }

    public SyncPolicy withPollInterval(Duration interval) {
        return new SyncPolicy(triggerStatuses, interval, concurrency, ratePerSecond, maxAttempts, baseBackoff,
                maxBackoff, lease, retentionDays);
    }

    public SyncPolicy withBackoff(Duration base, Duration max, int attempts) {
        return new SyncPolicy(triggerStatuses, pollInterval, concurrency, ratePerSecond, attempts, base, max, lease,
                retentionDays);
    }

    public SyncPolicy withLease(Duration newLease) {
        return new SyncPolicy(triggerStatuses, pollInterval, concurrency, ratePerSecond, maxAttempts, baseBackoff,
                maxBackoff, newLease, retentionDays);
    }

    public SyncPolicy withThroughput(int newConcurrency, double newRate) {
        return new SyncPolicy(triggerStatuses, pollInterval, newConcurrency, newRate, maxAttempts, baseBackoff,
                maxBackoff, lease, retentionDays);
    }
}
