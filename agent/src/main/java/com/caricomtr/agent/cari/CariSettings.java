package com.caricomtr.agent.cari;

import java.time.Duration;

import com.caricomtr.agent.config.SecretSetting;

import io.helidon.config.Config;
import okhttp3.HttpUrl;

/**
 * How to reach Cari. The firma kodu and the API token are secrets for logging: {@link #toString()} masks them.
 * Null or non-positive values take the defaults below; a zero {@code callTimeout} is OkHttp's "no overall limit".
 *
 * @param keepAlive          how long an idle connection is kept for reuse; shorter than common server idle
 *                           timeouts (60–75 s) so that we rarely pick a connection the server is closing
 * @param maxConcurrentCalls calls in flight to Cari at once; more callers wait in OkHttp's dispatcher queue
 */
public record CariSettings(String baseUrl,
                           String firmaKodu,
                           String apiToken,
                           Duration connectTimeout,
                           Duration readTimeout,
                           Duration writeTimeout,
                           Duration callTimeout,
                           int maxIdleConnections,
                           Duration keepAlive,
                           int maxConcurrentCalls) {

    public static final String DEFAULT_BASE_URL = "https://sistem.cari.com.tr/api";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 4;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 4;

    public CariSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.trim();
        if (HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException("cari.base-url must be an http or https URL, got '" + baseUrl + "'");
        }
        // The values are never echoed: a mistyped token in an error message is still the token.
        if (firmaKodu == null || firmaKodu.isBlank()) {
            throw new IllegalArgumentException("cari.firma-kodu is required");
        }
        if (apiToken == null || apiToken.isBlank()) {
            throw new IllegalArgumentException("cari.api-token is required");
        }
        firmaKodu = firmaKodu.trim();
        apiToken = apiToken.trim();
        connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = positiveOr(readTimeout, DEFAULT_READ_TIMEOUT);
        writeTimeout = positiveOr(writeTimeout, DEFAULT_WRITE_TIMEOUT);
        callTimeout = callTimeout == null || callTimeout.isNegative() ? DEFAULT_CALL_TIMEOUT : callTimeout;
        maxIdleConnections = maxIdleConnections <= 0 ? DEFAULT_MAX_IDLE_CONNECTIONS : maxIdleConnections;
        keepAlive = positiveOr(keepAlive, DEFAULT_KEEP_ALIVE);
        maxConcurrentCalls = maxConcurrentCalls <= 0 ? DEFAULT_MAX_CONCURRENT_CALLS : maxConcurrentCalls;
    }

    /** Defaults for everything but the account. */
    public static CariSettings of(String baseUrl, String firmaKodu, String apiToken) {
        return new CariSettings(baseUrl, firmaKodu, apiToken, null, null, null, null, 0, null, 0);
    }

    /**
     * Reads the {@code cari} configuration node: {@code base-url}, {@code firma-kodu}, {@code api-token} (or, better,
     * {@code api-token-file} or {@code api-token-env}: see {@link SecretSetting}), {@code connect-timeout}, {@code read-timeout},
     * {@code write-timeout}, {@code call-timeout} (e.g. {@code 10s}, {@code PT10S}), {@code max-idle-connections},
     * {@code keep-alive}, {@code max-concurrent-calls}. docs/agent-api.md lists them with their defaults.
     */
    public static CariSettings from(Config cari) {
        return new CariSettings(
                cari.get("base-url").asString().orElse(null),
                cari.get("firma-kodu").asString().orElse(null),
                SecretSetting.read(cari, "api-token").orElse(null),
                duration(cari, "connect-timeout"),
                duration(cari, "read-timeout"),
                duration(cari, "write-timeout"),
                duration(cari, "call-timeout"),
                cari.get("max-idle-connections").asInt().orElse(0),
                duration(cari, "keep-alive"),
                cari.get("max-concurrent-calls").asInt().orElse(0));
    }

    public CariSettings withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
        return new CariSettings(baseUrl, firmaKodu, apiToken, connect, read, write, call, maxIdleConnections,
                keepAlive, maxConcurrentCalls);
    }

    public CariSettings withConnections(int maxIdle, Duration keepAliveFor, int maxConcurrent) {
        return new CariSettings(baseUrl, firmaKodu, apiToken, connectTimeout, readTimeout, writeTimeout,
                callTimeout, maxIdle, keepAliveFor, maxConcurrent);
    }

    @Override
    public String toString() {
        return "CariSettings[baseUrl=" + baseUrl
                + ", firmaKodu=" + Masker.mask(firmaKodu)
                + ", apiToken=" + Masker.mask(apiToken)
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout
                + ", callTimeout=" + callTimeout
                + ", maxIdleConnections=" + maxIdleConnections
                + ", keepAlive=" + keepAlive
                + ", maxConcurrentCalls=" + maxConcurrentCalls + "]";
    }

    private static Duration duration(Config cari, String key) {
        return cari.get(key).asString()
                .map(value -> DurationSetting.parse("cari." + key, value))
                .orElse(null);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
