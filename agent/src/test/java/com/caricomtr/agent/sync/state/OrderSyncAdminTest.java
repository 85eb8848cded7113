package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin retry, dismiss and number clearing: they move only rows no worker holds, and tidy their errors. */
class OrderSyncAdminTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final AtomicInteger SITES = new AtomicInteger();
    private static StateFixture db;
    private AgentState state;
    private OrderSyncStore orders;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("admin");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Orders 1 synced, 2 failed, 3 needs review, 4 sending, 5 pending (retry later), 6 dismissed. */
    @BeforeEach
    void everyState() {
        state = db.site("admin-" + SITES.incrementAndGet());
        orders = state.orders();
        for (long id = 1; id <= 6; id++) {
            orders.enqueue(id, "processing", Trigger.POLL, false);
        }
        orders.dismiss(List.of(6L));
        List<Claim> claims = orders.claim("w", 5, LEASE);
        orders.markSynced(claims.get(0), "inv-1");
        orders.recordInvoiceNumber(claims.get(1), new StoredInvoiceNumber("WOO", "WOO2", 2L));
        orders.markFailed(claims.get(1), "PERMANENT", "missing tax id");
        orders.markNeedsReview(claims.get(2), "exists");
        orders.markRetry(claims.get(4), "RETRYABLE", "timeout", Duration.ofHours(1));
        state.errors().record(2L, "billing.tax_id", "missing tax id", "PERMANENT");
        state.errors().record(3L, null, "exists", "CONFLICT");
        state.errors().record(4L, null, "still sending", null);
    }

    @Test
    void retryRequeuesFailedAndReviewRowsOnlyAndDismissesTheirErrors() {
        assertThat(orders.retry(List.of(1L, 2L, 3L, 4L, 5L, 6L, 99L, 2L))).containsExactly(2L, 3L);

        var rows = orders.states(List.of(1L, 2L, 3L, 4L, 5L, 6L));
        assertThat(rows.values()).extracting(OrderSyncState::state).containsExactly(SyncState.SYNCED,
                SyncState.PENDING, SyncState.PENDING, SyncState.SENDING, SyncState.PENDING, SyncState.DISMISSED);
        assertThat(rows.get(2L).attempts()).isZero();
        assertThat(rows.get(2L).trigger()).isEqualTo(Trigger.MANUAL);
        assertThat(rows.get(2L).invoiceNumber()).as("kept for the retry").isNotNull();
        assertThat(state.errors().list(ErrorQuery.open()).items()).extracting(ErrorRecord::orderId)
                .containsExactly(4L);

        List<Claim> claims = orders.claim("w2", 10, LEASE);
        assertThat(claims).extracting(Claim::orderId).containsExactlyInAnyOrder(2L, 3L);
        assertThat(claims).extracting(Claim::attempt).containsOnly(1);
    }

    @Test
    void dismissTakesPendingFailedAndReviewRowsButNeverOneBeingSent() {
        assertThat(orders.dismiss(List.of(1L, 2L, 3L, 4L, 5L, 6L))).containsExactly(2L, 3L, 5L);

        var rows = orders.states(List.of(1L, 4L, 5L));
        assertThat(rows.get(1L).state()).isEqualTo(SyncState.SYNCED);
        assertThat(rows.get(4L).state()).isEqualTo(SyncState.SENDING);
        assertThat(rows.get(5L).state()).isEqualTo(SyncState.DISMISSED);
        assertThat(state.errors().countOpen()).isEqualTo(1);
        assertThat(orders.retry(List.of(5L))).as("dismissed rows need a forced enqueue").isEmpty();
    }

    @Test
    void clearingTheInvoiceNumberIsRefusedForSyncedAndSendingRows() {
        assertThat(orders.clearInvoiceNumber(1)).isFalse();
        assertThat(orders.clearInvoiceNumber(4)).isFalse();
        assertThat(orders.clearInvoiceNumber(2)).isTrue();
        assertThat(orders.states(List.of(2L)).get(2L).invoiceNumber()).isNull();

        orders.enqueue(1, "completed", Trigger.MANUAL, true);
        assertThat(orders.clearInvoiceNumber(1)).as("after a forced requeue").isTrue();
        OrderSyncState row = orders.states(List.of(1L)).get(1L);
        assertThat(row.cariInvoiceId()).isNull();
        assertThat(row.invoiceNumber()).isNull();
    }

    @Test
    void emptyAndUnknownIdListsChangeNothing() {
        assertThat(orders.retry(List.of())).isEmpty();
        assertThat(orders.dismiss(List.of(1234L))).isEmpty();
        assertThat(orders.states(List.of())).isEmpty();
    }
}
