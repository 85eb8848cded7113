package com.caricomtr.sandbox.faults;

import java.util.List;
import java.util.Objects;

/**
 * How often, and how, the sandbox misbehaves on {@code /api/**}. Rates are fractions of requests; their sum is at most
 * 1 because each request gets at most one fault (latency comes on top of any of them). The store-then-fail rate is a
 * fraction of creations (invoices and customers) only.
 *
 * @param seed               seed of the random sequence; the same seed and the same requests give the same faults
 * @param latencyMinMs       least delay added to every API request
 * @param latencyMaxMs       greatest delay; each request draws uniformly between min and max
 * @param errorRate          fraction answered with one of {@code errorStatuses}
 * @param errorStatuses      the 5xx statuses to choose from
 * @param timeoutRate        fraction held for {@code hangMs}
 * @param hangMs             how long a held request is held; choose more than the client's read timeout
 * @param timeoutThen        whether a held request is answered (after being processed) or closed
 * @param rateLimitRate      fraction answered 429
 * @param retryAfterSeconds  the {@code Retry-After} of a 429
 * @param dropRate           fraction whose connection is closed without an answer
 * @param storeThenFailRate  fraction of creations (invoices, customers) stored and then failed
 * @param storeThenFailWith  how those fail: 500 or a dropped connection
 */
public record FaultSettings(long seed,
                            int latencyMinMs,
                            int latencyMaxMs,
                            double errorRate,
                            List<Integer> errorStatuses,
                            double timeoutRate,
                            int hangMs,
                            TimeoutThen timeoutThen,
                            double rateLimitRate,
                            int retryAfterSeconds,
                            double dropRate,
                            double storeThenFailRate,
                            StoreThenFail storeThenFailWith) {
    public static final long DEFAULT_SEED = 42;

    public FaultSettings {
        Objects.requireNonNull(timeoutThen, "timeout-then");
        Objects.requireNonNull(storeThenFailWith, "store-then-fail-with");
        errorStatuses = List.copyOf(errorStatuses);
        if (latencyMinMs < 0 || latencyMaxMs < latencyMinMs) {
            throw new IllegalArgumentException("latency must satisfy 0 <= min <= max, got " + latencyMinMs + ".."
                    + latencyMaxMs);
        }
        rate("error-rate", errorRate);
        rate("timeout-rate", timeoutRate);
        rate("rate-limit-rate", rateLimitRate);
        rate("drop-rate", dropRate);
        rate("store-then-fail-rate", storeThenFailRate);
        double sum = errorRate + timeoutRate + rateLimitRate + dropRate + storeThenFailRate;
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("the fault rates add up to " + sum + "; at most 1 is possible");
        }
        if (errorStatuses.isEmpty() || errorStatuses.stream().anyMatch(s -> s < 500 || s > 599)) {
            throw new IllegalArgumentException("error-statuses must be a non-empty list of 5xx codes, got "
                    + errorStatuses);
        }
        if (hangMs < 0) {
            throw new IllegalArgumentException("hang-ms must not be negative");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry-after-seconds must not be negative");
        }
    }

    private static void rate(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }

    /** No faults at all. */
    public static FaultSettings none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .seed(seed).latencyMs(latencyMinMs, latencyMaxMs)
                .errorRate(errorRate).errorStatuses(errorStatuses)
                .timeoutRate(timeoutRate).hangMs(hangMs).timeoutThen(timeoutThen)
                .rateLimitRate(rateLimitRate).retryAfterSeconds(retryAfterSeconds)
                .dropRate(dropRate)
                .storeThenFailRate(storeThenFailRate).storeThenFailWith(storeThenFailWith);
    }

    /** The same settings with every rate and the latency set to zero. */
    public FaultSettings withoutFaults() {
        return toBuilder().latencyMs(0, 0).errorRate(0).timeoutRate(0).rateLimitRate(0).dropRate(0)
                .storeThenFailRate(0).build();
    }

    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int latencyMinMs;
        private int latencyMaxMs;
        private double errorRate;
        private List<Integer> errorStatuses = List.of(500, 502, 503);
        private double timeoutRate;
        private int hangMs = 30_000;
        private TimeoutThen timeoutThen = TimeoutThen.ANSWER;
        private double rateLimitRate;
        private int retryAfterSeconds = 1;
        private double dropRate;
        private double storeThenFailRate;
        private StoreThenFail storeThenFailWith = StoreThenFail.ERROR;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A fixed delay. */
        public Builder latencyMs(int fixed) {
            return latencyMs(fixed, fixed);
        }

        /** A delay drawn uniformly from {@code min..max} for each request. */
        public Builder latencyMs(int min, int max) {
            this.latencyMinMs = min;
            this.latencyMaxMs = max;
            return this;
        }

        public Builder errorRate(double rate) {
            this.errorRate = rate;
            return this;
        }

        public Builder errorStatuses(List<Integer> statuses) {
            this.errorStatuses = statuses;
            return this;
        }

        public Builder timeoutRate(double rate) {
            this.timeoutRate = rate;
            return this;
        }

        public Builder hangMs(int hangMs) {
            this.hangMs = hangMs;
            return this;
        }

        public Builder timeoutThen(TimeoutThen then) {
            this.timeoutThen = then;
            return this;
        }

        public Builder rateLimitRate(double rate) {
            this.rateLimitRate = rate;
            return this;
        }

        public Builder retryAfterSeconds(int seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        public Builder dropRate(double rate) {
            this.dropRate = rate;
            return this;
        }

        public Builder storeThenFailRate(double rate) {
            this.storeThenFailRate = rate;
            return this;
        }

        public Builder storeThenFailWith(StoreThenFail with) {
            this.storeThenFailWith = with;
            return this;
        }

        public FaultSettings build() {
            return new FaultSettings(seed, latencyMinMs, latencyMaxMs, errorRate, errorStatuses, timeoutRate, hangMs,
                    timeoutThen, rateLimitRate, retryAfterSeconds, dropRate, storeThenFailRate, storeThenFailWith);
        }
    }
}
