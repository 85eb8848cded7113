package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariExchange;
import com.caricomtr.agent.cari.FailureClass;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log and the error list: append, filter, search, page, dismiss. */
class LogStoresTest {
    private static StateFixture db;
    private static ApiLogStore log;
    private static ErrorStore errors;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("logs");
        AgentState state = db.site("logs");
        log = state.apiLog();
        errors = state.errors();
        for (int i = 1; i <= 30; i++) {
            boolean ok = i % 3 != 0;
            log.append(new ApiLogEntry(i <= 20 ? (long) (100 + i % 5) : null, 1, "POST",
                    "https://cari.example/api/v1/faturalar", "{\"fatura_no\":\"WOO" + i + "\",\"token\":\"****\"}",
                    ok ? 201 : 503, ok ? "{\"id\":\"inv-" + i + "\"}" : "Service Unavailable", 100 + i,
                    ok ? "OK" : "RETRYABLE", ok ? null : "RETRYABLE"));
        }
        db.site("other").apiLog().append(new ApiLogEntry(101L, 1, "GET", "https://x", null, 200, "{}", 5, "OK", null));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void appendedExchangesComeBackNewestFirstWithoutBodiesUnlessAsked() {
        Page<ApiLogRecord> page = log.query(ApiLogQuery.all().withPage(0, 10));

        assertThat(page.items()).hasSize(10);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.items().getFirst().url()).isEqualTo("https://cari.example/api/v1/faturalar");
        assertThat(page.items()).extracting(ApiLogRecord::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.items()).extracting(ApiLogRecord::requestBody).containsOnlyNulls();

        ApiLogRecord withBodies = log.query(ApiLogQuery.all().withBodies().withPage(0, 1)).items().getFirst();
        assertThat(withBodies.requestBody()).contains("WOO30");
        assertThat(log.get(withBodies.id())).contains(withBodies);
        assertThat(log.query(ApiLogQuery.all().withPage(20, 10)).hasMore()).as("this site's 30 only").isFalse();
    }

    @Test
    void filtersByOrderOutcomeTimeAndText() {
        assertThat(log.query(ApiLogQuery.all().withOrderId(101L).withPage(0, 100)).items()).hasSize(4)
                .allSatisfy(r -> assertThat(r.orderId()).isEqualTo(101L));
        assertThat(log.query(ApiLogQuery.all().withOutcome("RETRYABLE").withPage(0, 100)).items()).hasSize(10)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(503));
        assertThat(log.query(ApiLogQuery.all().withText("service unavail").withPage(0, 100)).items()).hasSize(10);
        assertThat(log.query(ApiLogQuery.all().withText("\"WOO7\"").withBodies()).items())
                .extracting(ApiLogRecord::requestBody).singleElement().asString().contains("WOO7\"");

        Instant now = Jdbc.autoCommit(db.pool.dataSource(), "clock", Jdbc::now);
        assertThat(log.query(ApiLogQuery.all().between(now.minus(Duration.ofHours(1)), now.plusSeconds(1))
                .withPage(0, 100)).items()).hasSize(30);
        assertThat(log.query(ApiLogQuery.all().between(now.plusSeconds(60), null)).items()).isEmpty();
    }

    @Test
    void theClientsExchangeMapsToAnEntryAndTheListenerAppendsIt() {
        CariExchange exchange = new CariExchange(CariCallContext.forOrder(777, 2), "POST", "https://cari.example/x",
                Map.of(), "{\"a\":1}", OptionalInt.empty(), Map.of(), null, Duration.ofMillis(3_001),
                FailureClass.RETRYABLE, "timeout");

        ApiLogStore own = db.site("listener").apiLog();
        own.asListener().onExchange(exchange);

        ApiLogRecord stored = own.query(ApiLogQuery.all().withOrderId(777L).withBodies()).items().getFirst();
        assertThat(stored.attempt()).isEqualTo(2);
        assertThat(stored.status()).isNull();
        assertThat(stored.responseBody()).isNull();
        assertThat(stored.durationMs()).isEqualTo(3_001);
        assertThat(stored.outcome()).isEqualTo("RETRYABLE");
        assertThat(stored.errorClass()).isEqualTo("RETRYABLE");
    }

    @Test
    void aHugeBodyIsCutRatherThanLost() {
        ApiLogStore own = db.site("huge").apiLog();
        long id = own.append(new ApiLogEntry(null, null, "POST", "https://x", "ş".repeat(Texts.MAX_BODY + 10), 200,
                "{}", 1, "OK", null));

        assertThat(log.get(id)).as("another site's row").isEmpty();
        assertThat(own.get(id).orElseThrow().requestBody()).hasSize(Texts.MAX_BODY).endsWith("[cut]");
    }

    @Test
    void errorsAreListedFilteredSearchedAndDismissed() {
        ErrorStore mine = db.site("errors").errors();
        long taxId = mine.record(7L, "billing.tax_id", "Vergi numarası eksik", "PERMANENT");
        mine.record(7L, "line[2].sku", "Ürün bulunamadı", "PERMANENT");
        mine.record(8L, null, "Cari 422: fatura_no already exists", "CONFLICT");
        mine.record(null, "settings.series", "Seri 3 karakter olmalı", null);

        assertThat(mine.list(ErrorQuery.open()).items()).hasSize(4).first()
                .satisfies(e -> assertThat(e.field()).isEqualTo("settings.series"));
        assertThat(mine.list(ErrorQuery.open().withOrderId(7L)).items()).extracting(ErrorRecord::field)
                .containsExactly("line[2].sku", "billing.tax_id");
        assertThat(mine.list(ErrorQuery.open().withText("VERGİ")).items()).as("Turkish İ matches i case-insensitively")
                .extracting(ErrorRecord::id).containsExactly(taxId);
        assertThat(mine.list(ErrorQuery.open().withText("tax_id")).items()).as("field is searched")
                .extracting(ErrorRecord::id).containsExactly(taxId);
        assertThat(mine.list(ErrorQuery.open().withText("conflict")).items()).hasSize(1);
        assertThat(mine.list(ErrorQuery.open().withPage(1, 2)).items()).hasSize(2);
        assertThat(mine.list(ErrorQuery.open().withPage(1, 2)).hasMore()).isTrue();

        assertThat(mine.dismiss(List.of(taxId, taxId, 99_999L))).isEqualTo(1);
        assertThat(mine.dismissForOrders(List.of(8L))).isEqualTo(1);
        assertThat(mine.countOpen()).isEqualTo(2);
        assertThat(mine.list(ErrorQuery.open().withDismissed()).items()).hasSize(4)
                .filteredOn(e -> !e.open()).hasSize(2).allSatisfy(e -> assertThat(e.dismissedAt()).isNotNull());
        assertThat(db.site("other").errors().countOpen()).as("other site").isZero();
    }
}
