package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import javax.sql.DataSource;


import static org.assertj.core.api.Assertions.assertThat;

/** Every write path of every store once, plus the reads: what "the agent used its state" means in the tests. */
final class StoreWorkout {
    private StoreWorkout() {
    }

    static void run(DataSource dataSource, StateLocation location, String siteId) {
        AgentState state = AgentState.open(dataSource, location, siteId);
        OrderSyncStore orders = state.orders();
        JdbcInvoiceNumberAllocator allocator = new JdbcInvoiceNumberAllocator(dataSource, location, siteId);

        orders.enqueue(1, "processing", Trigger.POLL, false);
        orders.enqueue(1, "completed", Trigger.NOTIFY, false);
        orders.enqueueAll(LongStream.rangeClosed(2, 30)
                .mapToObj(id -> new EnqueueRequest(id, "completed", Trigger.BACKFILL, false)).toList());
        List<Claim> claims = orders.claim("workout", 30, Duration.ofMinutes(5));
        assertThat(claims).hasSize(30);
        for (Claim claim : claims) {
            long sequence = allocator.allocate(claim.orderId(), "WOO", 2025).sequence();
            orders.recordInvoiceNumber(claim, new StoredInvoiceNumber("WOO", "WOO2025" + sequence, sequence));
            orders.extendLease(claim, Duration.ofMinutes(5));
            orders.recordCustomer(claim, "cust-" + claim.orderId());
            long id = claim.orderId();
            if (id % 4 == 0) {
                orders.markFailed(claim, "PERMANENT", "vergi numarası eksik");
            } else if (id % 4 == 1) {
                orders.markRetry(claim, "RETRYABLE", "timeout", Duration.ofMinutes(1));
            } else if (id % 4 == 2) {
                orders.markNeedsReview(claim, "number exists with other content");
            } else {
                orders.markSynced(claim, "inv-" + id);
            }
        }
        orders.enqueue(3, "completed", Trigger.MANUAL, true);
        orders.retry(List.of(4L, 6L));
        orders.dismiss(List.of(8L));
        orders.clearInvoiceNumber(8);
        orders.states(List.of(1L, 2L, 3L));
        orders.list(OrderSyncQuery.all().withErrorText("eksik"));
        orders.countsByState();
        orders.syncedPerDay(7);
        orders.lag();

        state.apiLog().append(new ApiLogEntry(1L, 1, "POST", "https://cari.example/api/invoices", "{\"a\":1}", 201,
                "{\"id\":\"inv-1\"}", 120, "OK", null));
        state.apiLog().query(ApiLogQuery.all().withText("inv-1"));
        long error = state.errors().record(4L, "billing.tax_id", "missing", "PERMANENT");
        state.errors().dismiss(List.of(error));
        state.errors().list(ErrorQuery.open());
        state.settings().put("series", "WOO");
        state.settings().getAll();
        state.settings().remove("series");
        state.customers().put("email:ayse@example.com", "cust-1", "hash");
        state.customers().find("email:ayse@example.com");
        state.watermarks().advance("hpos", new Watermark(Instant.parse("2025-03-01T10:00:00Z"), 40));
        state.watermarks().reset("hpos", new Watermark(Instant.parse("2025-01-01T00:00:00Z"), 0));
        Backfill backfill = state.backfills().create(LocalDate.of(2025, 1, 1), null, List.of("completed"));
        state.backfills().setTotal(backfill.id(), 10);
        state.backfills().progress(backfill.id(), 10, 40);
        state.backfills().finish(backfill.id());
        state.counters().increment("custom", 1);
        state.hooks().save(new StoredHooks("https://shop.example/relay", List.of("caricomtr_invoice_data"),
                List.of(), null));
        state.hooks().find();
        state.retention().deleteOlderThan(Duration.ZERO);
    }
}
