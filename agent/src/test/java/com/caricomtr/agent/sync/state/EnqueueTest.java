package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.sync.state.EnqueueOutcome.ALREADY_QUEUED;
import static com.caricomtr.agent.sync.state.EnqueueOutcome.ALREADY_SYNCED;
import static com.caricomtr.agent.sync.state.EnqueueOutcome.NOT_REQUEUED;
import static com.caricomtr.agent.sync.state.EnqueueOutcome.QUEUED;
import static com.caricomtr.agent.sync.state.EnqueueOutcome.REQUEUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enqueue dedupes on (site, order, document), whoever calls and however often, and force is the only way back. */
class EnqueueTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final AtomicInteger SITES = new AtomicInteger();
    private static StateFixture db;
    /** Each test has a site of its own: sites never see each other's rows, so claims pick only this test's. */
    private String site;
    private OrderSyncStore orders;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("enqueue");
    }

    @BeforeEach
    void newSite() {
        site = "enqueue-" + SITES.incrementAndGet();
        orders = db.site(site).orders();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aNewOrderIsQueuedOnceWhateverTriggersIt() {
        assertThat(orders.enqueue(100, "processing", Trigger.POLL, false))
                .isEqualTo(new EnqueueResult(100, QUEUED, SyncState.PENDING));
        assertThat(orders.enqueue(100, "completed", Trigger.NOTIFY, false).outcome()).isEqualTo(ALREADY_QUEUED);
        assertThat(orders.enqueue(100, "completed", Trigger.BACKFILL, true).outcome())
                .as("force does not touch a queued row").isEqualTo(ALREADY_QUEUED);

        OrderSyncState row = orders.states(List.of(100L)).get(100L);
        assertThat(row.orderStatus()).as("first enqueue's status stays").isEqualTo("processing");
        assertThat(row.trigger()).isEqualTo(Trigger.POLL);
        assertThat(row.force()).isFalse();
        assertThat(row.attempts()).isZero();
        assertThat(rows("order_id = 100")).isEqualTo(1);
    }

    @Test
    void aRowBeingSentIsAlreadyQueued() {
        orders.enqueue(110, "processing", Trigger.POLL, false);
        claimOnly(110);

        assertThat(orders.enqueue(110, "processing", Trigger.NOTIFY, false))
                .isEqualTo(new EnqueueResult(110, ALREADY_QUEUED, SyncState.SENDING));
        assertThat(orders.enqueue(110, "processing", Trigger.MANUAL, true).state()).isEqualTo(SyncState.SENDING);
    }

    @Test
    void aSyncedOrderIsResentOnlyWhenForcedAndKeepsItsInvoiceNumber() {
        orders.enqueue(120, "completed", Trigger.POLL, false);
        Claim claim = claimOnly(120);
        orders.recordInvoiceNumber(claim, new StoredInvoiceNumber("WOO", "WOO2025000000120", 120L));
        orders.recordCustomer(claim, "cust-9");
        orders.markSynced(claim, "inv-120");

        assertThat(orders.enqueue(120, "completed", Trigger.NOTIFY, false))
                .isEqualTo(new EnqueueResult(120, ALREADY_SYNCED, SyncState.SYNCED));
        assertThat(orders.enqueue(120, "refunded", Trigger.MANUAL, true))
                .isEqualTo(new EnqueueResult(120, REQUEUED, SyncState.PENDING));

        OrderSyncState row = orders.states(List.of(120L)).get(120L);
        assertThat(row.force()).isTrue();
        assertThat(row.orderStatus()).isEqualTo("refunded");
        assertThat(row.trigger()).isEqualTo(Trigger.MANUAL);
        Claim resend = claimOnly(120);
        assertThat(resend.force()).isTrue();
        assertThat(resend.recovered()).isFalse();
        assertThat(resend.invoiceNumber()).as("the resend reuses the number")
                .isEqualTo(new StoredInvoiceNumber("WOO", "WOO2025000000120", 120L));
        assertThat(resend.cariInvoiceId()).isEqualTo("inv-120");
        assertThat(resend.cariCustomerId()).isEqualTo("cust-9");
        assertThat(resend.attempt()).as("attempts restart").isEqualTo(1);

        orders.markSynced(resend, "inv-120");
        assertThat(orders.states(List.of(120L)).get(120L).force()).as("force is spent once synced").isFalse();
    }

    @Test
    void failedReviewAndDismissedRowsComeBackOnlyWhenForced() {
        orders.enqueue(130, "processing", Trigger.POLL, false);
        orders.markFailed(claimOnly(130), "PERMANENT", "bad tax id");
        orders.enqueue(131, "processing", Trigger.POLL, false);
        orders.markNeedsReview(claimOnly(131), "number exists");
        orders.enqueue(132, "processing", Trigger.POLL, false);
        orders.dismiss(List.of(132L));

        assertThat(orders.enqueue(130, "processing", Trigger.POLL, false))
                .isEqualTo(new EnqueueResult(130, NOT_REQUEUED, SyncState.FAILED));
        assertThat(orders.enqueue(131, "processing", Trigger.POLL, false))
                .isEqualTo(new EnqueueResult(131, NOT_REQUEUED, SyncState.NEEDS_REVIEW));
        assertThat(orders.enqueue(132, "processing", Trigger.POLL, false))
                .isEqualTo(new EnqueueResult(132, NOT_REQUEUED, SyncState.DISMISSED));

        assertThat(List.of(130L, 131L, 132L)).allSatisfy(id ->
                assertThat(orders.enqueue(id, "processing", Trigger.MANUAL, true).outcome()).isEqualTo(REQUEUED));
        assertThat(orders.states(List.of(130L, 131L, 132L)).values()).extracting(OrderSyncState::state)
                .containsOnly(SyncState.PENDING);
        assertThat(orders.states(List.of(130L)).get(130L).lastError()).as("the last error stays until replaced")
                .isEqualTo("bad tax id");
    }

    @Test
    void eightThreadsEnqueueingTheSame200OrdersMake200Rows() throws Exception {
        long first = 10_000;
        ConcurrentLinkedQueue<EnqueueResult> results = new ConcurrentLinkedQueue<>();
        StateFixture.runConcurrently(8, thread -> {
            List<Long> ids = new ArrayList<>(LongStream.range(first, first + 200).boxed().toList());
            Collections.shuffle(ids, new Random(thread));
            for (long id : ids) {
                results.add(orders.enqueue(id, "processing", thread % 2 == 0 ? Trigger.POLL : Trigger.NOTIFY,
                        thread == 7));
            }
        });

        assertThat(results).hasSize(8 * 200);
        assertThat(results.stream().filter(r -> r.outcome() == QUEUED)).hasSize(200)
                .extracting(EnqueueResult::orderId).doesNotHaveDuplicates();
        assertThat(results).extracting(EnqueueResult::outcome).containsOnly(QUEUED, ALREADY_QUEUED);
        assertThat(rows("order_id BETWEEN 10000 AND 10199")).isEqualTo(200);
        assertThat(rows("TRUE")).isEqualTo(200);
    }

    @Test
    void concurrentForcedResendsOfOneSyncedOrderRequeueItOnce() throws Exception {
        orders.enqueue(140, "completed", Trigger.POLL, false);
        orders.markSynced(claimOnly(140), "inv-140");
        ConcurrentLinkedQueue<EnqueueOutcome> outcomes = new ConcurrentLinkedQueue<>();

        StateFixture.runConcurrently(8, thread -> outcomes.add(
                orders.enqueue(140, "completed", Trigger.MANUAL, true).outcome()));

        assertThat(outcomes.stream().filter(o -> o == REQUEUED)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == ALREADY_QUEUED)).hasSize(7);
    }

    @Test
    void batchEnqueueCountsWhatItDidInFewStatements() {
        orders.enqueue(20_002, "completed", Trigger.POLL, false);
        orders.markSynced(claimOnly(20_002), "inv");
        orders.enqueue(20_003, "completed", Trigger.POLL, false);
        orders.markFailed(claimOnly(20_003), "PERMANENT", "x");
        orders.enqueue(20_001, "completed", Trigger.POLL, false);
        List<EnqueueRequest> batch = new ArrayList<>();
        for (long id = 20_001; id <= 21_200; id++) {
            batch.add(new EnqueueRequest(id, "completed", Trigger.BACKFILL, false));
        }
        batch.add(new EnqueueRequest(20_500, "completed", Trigger.BACKFILL, false));

        assertThat(orders.enqueueAll(batch)).as("3 existed; a duplicate in the batch counts once")
                .isEqualTo(new EnqueueSummary(1_197, 0, 3));
        assertThat(orders.enqueueAll(batch)).isEqualTo(new EnqueueSummary(0, 0, 1_200));

        List<EnqueueRequest> forced = List.of(new EnqueueRequest(20_002, "refunded", Trigger.MANUAL, true),
                new EnqueueRequest(20_003, "cancelled", Trigger.BACKFILL, true),
                new EnqueueRequest(20_001, "completed", Trigger.MANUAL, true),
                new EnqueueRequest(21_201, "completed", Trigger.BACKFILL, true));
        assertThat(orders.enqueueAll(forced)).isEqualTo(new EnqueueSummary(1, 2, 1));
        var rows = orders.states(List.of(20_002L, 20_003L, 21_201L));
        assertThat(rows.get(20_002L).orderStatus()).isEqualTo("refunded");
        assertThat(rows.get(20_002L).trigger()).isEqualTo(Trigger.MANUAL);
        assertThat(rows.get(20_003L).orderStatus()).isEqualTo("cancelled");
        assertThat(rows.get(20_003L).trigger()).isEqualTo(Trigger.BACKFILL);
        assertThat(rows.values()).extracting(OrderSyncState::state).containsOnly(SyncState.PENDING);
    }

    @Test
    void concurrentBatchesOfOverlappingOrdersStillMakeOneRowEach() throws Exception {
        ConcurrentLinkedQueue<EnqueueSummary> summaries = new ConcurrentLinkedQueue<>();
        StateFixture.runConcurrently(4, thread -> {
            List<EnqueueRequest> batch = new ArrayList<>();
            for (long id = 30_000 + thread * 500L; id < 31_500 + thread * 500L; id++) {
                batch.add(new EnqueueRequest(id, "completed", Trigger.BACKFILL, false));
            }
            Collections.shuffle(batch, new Random(thread));
            summaries.add(orders.enqueueAll(batch));
        });

        int queued = summaries.stream().mapToInt(EnqueueSummary::queued).sum();
        assertThat(queued).isEqualTo(3_000);
        assertThat(rows("TRUE")).isEqualTo(3_000);
    }

    @Test
    void invalidRequestsNeverReachTheDatabase() {
        assertThatThrownBy(() -> orders.enqueue(0, "x", Trigger.POLL, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders.enqueue(1, "s".repeat(65), Trigger.POLL, false))
                .as("INSERT IGNORE would otherwise cut it silently").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders.enqueue(1, "x", null, false)).isInstanceOf(NullPointerException.class);
    }

    /** Claims the one due order, which must be this one. */
    private Claim claimOnly(long orderId) {
        List<Claim> claims = orders.claim("test-worker", 10, LEASE);
        assertThat(claims).extracting(Claim::orderId).containsExactly(orderId);
        return claims.getFirst();
    }

    private long rows(String condition) {
        return db.count("SELECT COUNT(*) FROM " + db.table(StateTable.ORDER_SYNC) + " WHERE site_id = '" + site
                + "' AND " + condition);
    }
}
