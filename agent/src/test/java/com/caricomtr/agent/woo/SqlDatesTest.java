package com.caricomtr.agent.woo;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlDatesTest {
    @Test
    void readsWordPressDatesAsUtc() {
        assertThat(SqlDates.gmt("2025-01-20 08:01:00", "f")).isEqualTo(Instant.parse("2025-01-20T08:01:00Z"));
        assertThat(SqlDates.gmt("2024-02-29 23:59:59", "f")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(SqlDates.gmt("2025-03-31 00:00:00.0", "f")).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
        assertThat(SqlDates.gmt("0000-00-00 00:00:00", "f")).isNull();
        assertThat(SqlDates.gmt(null, "f")).isNull();
        assertThat(SqlDates.epochSeconds("1737360060", "f")).isEqualTo(Instant.parse("2025-01-20T08:01:00Z"));
    }

    @Test
    void rejectsNonDatesNamingTheField() {
        assertThatThrownBy(() -> SqlDates.gmt("2025-02-30 00:00:00", "date_paid"))
                .isInstanceOf(OrderDataException.class).hasMessageContaining("2025-02-30");
        assertThatThrownBy(() -> SqlDates.gmt("yesterday", "date_paid")).isInstanceOf(OrderDataException.class);
        assertThatThrownBy(() -> SqlDates.epochSeconds("soon", "_date_paid")).isInstanceOf(OrderDataException.class);
    }
}
