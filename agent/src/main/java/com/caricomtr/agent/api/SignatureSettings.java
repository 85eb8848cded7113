package com.caricomtr.agent.api;

import java.time.Duration;

import com.caricomtr.agent.cari.DurationSetting;

import io.helidon.common.Size;
import io.helidon.config.Config;

/**
 * How strict the verification of signed requests is.
 *
 * @param clockSkew             how far a request's timestamp may be from the agent's clock, either way
 * @param maxBodyBytes          larger bodies are refused before they are hashed; the HTTP/1.1 listener must allow
 *                              buffering at least this much ({@code max-buffered-entity-size})
 * @param replayCacheSizePerSite nonces remembered per site; when a site's share is full its requests are refused
 *                              until the oldest nonce expires, never forgotten early
 */
public record SignatureSettings(Duration clockSkew, long maxBodyBytes, int replayCacheSizePerSite) {
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** A bulk sync of a few hundred orders is far below this; 50 000 nonces are a few MB. */
    public static final int DEFAULT_REPLAY_CACHE_SIZE_PER_SITE = 50_000;

    public SignatureSettings {
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.isZero()) {
            throw new IllegalArgumentException("auth.clock-skew must be positive");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("auth.max-body-size must not be negative");
        }
        if (replayCacheSizePerSite <= 0) {
            throw new IllegalArgumentException("auth.replay-cache-size must be positive");
        }
    }

    public static SignatureSettings defaults() {
        return new SignatureSettings(DEFAULT_CLOCK_SKEW, DEFAULT_MAX_BODY_BYTES, DEFAULT_REPLAY_CACHE_SIZE_PER_SITE);
    }

    /**
     * Reads the {@code auth} node: {@code clock-skew} (e.g. {@code 5m} or {@code PT5M}), {@code max-body-size}
     * (e.g. {@code 1 MiB}) and {@code replay-cache-size}; each defaults as in {@link #defaults()}.
     */
    public static SignatureSettings from(Config auth) {
        return new SignatureSettings(
                duration(auth, "clock-skew", DEFAULT_CLOCK_SKEW),
                auth.get("max-body-size").asString().map(Size::parse).map(Size::toBytes)
                        .orElse(DEFAULT_MAX_BODY_BYTES),
                auth.get("replay-cache-size").asInt().orElse(DEFAULT_REPLAY_CACHE_SIZE_PER_SITE));
    }

    private static Duration duration(Config auth, String key, Duration fallback) {
        return auth.get(key).asString().map(value -> DurationSetting.parse("auth." + key, value)).orElse(fallback);
    }

    public SignatureSettings withClockSkew(Duration skew) {
        return new SignatureSettings(skew, maxBodyBytes, replayCacheSizePerSite);
    }

    public SignatureSettings withMaxBodyBytes(long bytes) {
        return new SignatureSettings(clockSkew, bytes, replayCacheSizePerSite);
    }

    public SignatureSettings withReplayCacheSizePerSite(int size) {
        return new SignatureSettings(clockSkew, maxBodyBytes, size);
    }
}
