package com.caricomtr.agent.cari;

import java.time.Duration;
import java.time.Instant;

import okhttp3.Headers;

/** Reads {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait Cari asked for, never negative; null when the header is absent or unreadable. */
    static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        Instant until = httpDate(trimmed);
        if (until == null) {
            return null;
        }
        Duration wait = Duration.between(now, until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** OkHttp's parser accepts the IMF-fixdate and the two obsolete formats servers still send. */
    private static Instant httpDate(String value) {
        try {
            return Headers.of(CariWire.HEADER_RETRY_AFTER, value).getInstant(CariWire.HEADER_RETRY_AFTER);
        } catch (IllegalArgumentException notAHeaderValue) {
            return null;
        }
    }
}
