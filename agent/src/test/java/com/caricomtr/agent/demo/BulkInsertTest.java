package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.demo.OrderView.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values are written as SQL literals, so quoting must survive anything a customer can type. */
class BulkInsertTest {
    private static final List<String> NASTY = List.of("O'Reilly", "back\\slash", "\\'", "''", "' OR 1=1; --",
            "çift \"tırnak\"", "satır\nsonu\tve sekme", "Hediye 🎁 ☕", "%_", "\\", "İıŞşĞğÇçÖöÜü", "");

    @Test
    void stringsNumbersAndNullsRoundTripUnderBothEscapingModes() throws Exception {
        for (String mode : List.of("", "NO_BACKSLASH_ESCAPES")) {
            try (Connection c = TestDatabase.connect(TestDatabase.get().newDatabase("bulk")); Statement s =
                    c.createStatement()) {
                s.execute("SET SESSION sql_mode = '" + mode + "'");
                s.execute("CREATE TABLE t (id bigint, v text, d decimal(26,8)) DEFAULT CHARSET=utf8mb4");
                BulkInsert insert = new BulkInsert(s, BulkInsert.backslashEscapes(c), "t", List.of("id", "v", "d"));
                for (int i = 0; i < NASTY.size(); i++) {
                    insert.add((long) i, NASTY.get(i), new BigDecimal("-12.345678"));
                }
                insert.add((long) NASTY.size(), null, null);
                insert.flush();
                assertThat(insert.written()).isEqualTo(NASTY.size() + 1);
                List<String> back = rows(c, "SELECT v FROM t ORDER BY id").stream().map(r -> r.get("v")).toList();
                assertThat(back.subList(0, NASTY.size())).as("sql_mode '%s'", mode).isEqualTo(NASTY);
                assertThat(back.getLast()).isNull();
                assertThat(rows(c, "SELECT DISTINCT d FROM t WHERE d IS NOT NULL")).extracting(r -> r.get("d"))
                        .containsExactly("-12.34567800");
            }
        }
    }

    @Test
    void refusesValuesItCannotWriteSafely() throws Exception {
        try (Connection c = TestDatabase.connect(TestDatabase.get().newDatabase("bulk_refuse"));
             Statement s = c.createStatement()) {
            BulkInsert insert = new BulkInsert(s, true, "t", List.of("v"));
            assertThatThrownBy(() -> insert.add("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> insert.add(1.5d)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> insert.add("a", "b")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
