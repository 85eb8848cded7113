package com.caricomtr.agent.api;

import java.time.Duration;

import com.caricomtr.agent.cari.DurationSetting;

import io.helidon.config.Config;

/**
 * Time and size limits of the agent's calls to a bridge's relay URL.
 *
 * @param connectTimeout   to open the connection
 * @param filterTimeout    for the whole filter exchange, answer included; past it the unfiltered value is used.
 *                         A sync may call a few filters in a row, so this stays short
 * @param actionTimeout    for a notification; nobody waits for it, the bound only frees the connection
 * @param maxAnswerBytes   a larger answer is a failed callback, not something to hold in memory
 */
public record RelaySettings(Duration connectTimeout, Duration filterTimeout, Duration actionTimeout,
                            int maxAnswerBytes) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_FILTER_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;

    public RelaySettings {
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("filter-timeout", filterTimeout);
        requirePositive("action-timeout", actionTimeout);
        if (maxAnswerBytes <= 0) {
            throw new IllegalArgumentException("relay.max-answer-bytes must be positive");
        }
    }

    public static RelaySettings defaults() {
        return new RelaySettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_FILTER_TIMEOUT, DEFAULT_ACTION_TIMEOUT,
                DEFAULT_MAX_ANSWER_BYTES);
    }

    /** Reads the {@code relay} node; durations as {@code 5s} or {@code PT5S}. */
    public static RelaySettings from(Config relay) {
        return new RelaySettings(
                duration(relay, "connect-timeout", DEFAULT_CONNECT_TIMEOUT),
                duration(relay, "filter-timeout", DEFAULT_FILTER_TIMEOUT),
                duration(relay, "action-timeout", DEFAULT_ACTION_TIMEOUT),
                relay.get("max-answer-bytes").asInt().orElse(DEFAULT_MAX_ANSWER_BYTES));
    }

    private static Duration duration(Config relay, String key, Duration fallback) {
        return relay.get(key).asString().map(value -> DurationSetting.parse("relay." + key, value))
                .orElse(fallback);
    }

    public RelaySettings withTimeouts(Duration connect, Duration filter, Duration action) {
        return new RelaySettings(connect, filter, action, maxAnswerBytes);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("relay." + key + " must be positive");
        }
    }
}
