package com.caricomtr.agent.cari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CariRetryAfterTest {
    private static final Instant NOW = Instant.parse("2025-01-07T10:00:00Z");

    @Test
    void delaySeconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void imfFixdate() {
        assertThat(RetryAfter.parse("Tue, 07 Jan 2025 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void obsoleteRfc850Date() {
        assertThat(RetryAfter.parse("Tuesday, 07-Jan-25 10:00:10 GMT", NOW)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Tue, 07 Jan 2025 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableIsUnknown() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isNull();
        assertThat(RetryAfter.parse("yarın ğ", NOW)).isNull();
    }
}
