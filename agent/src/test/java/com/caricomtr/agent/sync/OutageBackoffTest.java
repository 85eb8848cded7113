package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.testing.CapturedLogs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits of 1 s doubling to 30 s, reset by a success; one line when an outage begins, one when it ends. */
class OutageBackoffTest {
    @Test
    void waitsDoubleUpToThirtySecondsAndStartAgainAfterASuccess() {
        OutageBackoff backoff = new OutageBackoff("site s: backfill 1");
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.failed(new RuntimeException("down")).toSeconds());
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.inOutage()).isTrue();

        backoff.succeeded("continuing");
        assertThat(backoff.inOutage()).isFalse();
        assertThat(backoff.failed(new RuntimeException("down again"))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void logsAnOutageOnceWhenItBeginsAndOnceWhenItEnds() {
        try (CapturedLogs logs = new CapturedLogs(OutageBackoff.class.getName())) {
            OutageBackoff backoff = new OutageBackoff("site shop.example.com: backfill 7");
            backoff.succeeded("nothing to say");
            for (int i = 0; i < 5; i++) {
                backoff.failed(new RuntimeException("Connection refused"));
            }
            backoff.succeeded("continuing after order 42");

            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.lines().get(0)).contains("WARNING", "site shop.example.com: backfill 7",
                    "the database failed (Connection refused)");
            assertThat(logs.lines().get(1)).contains("INFO", "site shop.example.com: backfill 7",
                    "the database answers again after", "(5 failed attempts)", "continuing after order 42");
        }
    }
}
