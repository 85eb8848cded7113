package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard and the orders-list column read: states, listings with filters and pages, counts, lag. */
class DashboardQueriesTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static StateFixture db;
    private static OrderSyncStore orders;

    /** 120 orders: 1-40 synced, 41-50 failed (half of them "vergi"), 51-55 needs review, 56-120 pending. */
    @BeforeAll
    static void open() {
        db = StateFixture.migrated("dashboard");
        orders = db.site("dash").orders();
        orders.enqueueAll(LongStream.rangeClosed(1, 120)
                .mapToObj(id -> new EnqueueRequest(id, "completed", Trigger.BACKFILL, false)).toList());
        for (Claim claim : orders.claim("w", 55, LEASE)) {
            long id = claim.orderId();
            if (id <= 40) {
                orders.markSynced(claim, "inv-" + id);
            } else if (id <= 50) {
                orders.markFailed(claim, "PERMANENT", id % 2 == 0 ? "Vergi numarası 50%_off geçersiz" : "HTTP 422");
            } else {
                orders.markNeedsReview(claim, "number exists");
            }
        }
        db.site("other-site").orders().enqueue(1, "completed", Trigger.POLL, false);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void statesOfTheOrdersOnAListPage() {
        Map<Long, OrderSyncState> states = orders.states(List.of(1L, 45L, 46L, 60L, 500L));

        assertThat(states).containsOnlyKeys(1L, 45L, 46L, 60L);
        assertThat(states.get(1L).state()).isEqualTo(SyncState.SYNCED);
        assertThat(states.get(1L).syncedAt()).isNotNull();
        assertThat(states.get(1L).cariInvoiceId()).isEqualTo("inv-1");
        assertThat(states.get(46L).lastError()).startsWith("Vergi");
        assertThat(states.get(60L).state()).isEqualTo(SyncState.PENDING);
    }

    @Test
    void listingFiltersByStateAndPagesNewestOrderFirst() {
        Page<OrderSyncState> first = orders.list(OrderSyncQuery.all().withStates(SyncState.SYNCED).withPage(0, 15));
        Page<OrderSyncState> last = orders.list(OrderSyncQuery.all().withStates(SyncState.SYNCED).withPage(30, 15));

        assertThat(first.items()).extracting(OrderSyncState::orderId)
                .containsExactlyElementsOf(LongStream.iterate(40, id -> id - 1).limit(15).boxed().toList());
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).hasSize(10);
        assertThat(last.hasMore()).isFalse();
        assertThat(orders.list(OrderSyncQuery.all().withStates(SyncState.FAILED, SyncState.NEEDS_REVIEW)
                .withPage(0, 100)).items()).hasSize(15);
        assertThat(orders.list(OrderSyncQuery.all().withPage(0, 500)).items()).as("this site only").hasSize(120);
    }

    @Test
    void listingFindsAnOrderAndSearchesErrorsLiterally() {
        assertThat(orders.list(OrderSyncQuery.all().withOrderId(42L)).items()).extracting(OrderSyncState::orderId)
                .containsExactly(42L);
        assertThat(orders.list(OrderSyncQuery.all().withErrorText("vergi")).items())
                .as("case-insensitive").extracting(OrderSyncState::orderId).containsExactly(50L, 48L, 46L, 44L, 42L);
        assertThat(orders.list(OrderSyncQuery.all().withErrorText("50%_")).items())
                .as("% and _ are literal").hasSize(5);
        assertThat(orders.list(OrderSyncQuery.all().withErrorText("5%off")).items()).isEmpty();
        assertThat(orders.list(OrderSyncQuery.all().withErrorText("permanent").withStates(SyncState.FAILED)
                .withPage(0, 3)).items()).as("the error class is searched too").hasSize(3);
    }

    @Test
    void countsPerStateIncludeEveryState() {
        assertThat(orders.countsByState()).containsExactlyInAnyOrderEntriesOf(Map.of(SyncState.PENDING, 65L,
                SyncState.SENDING, 0L, SyncState.SYNCED, 40L, SyncState.FAILED, 10L, SyncState.NEEDS_REVIEW, 5L,
                SyncState.DISMISSED, 0L));
    }

    @Test
    void syncedPerDayHasEveryDayOldestFirst() {
        List<DayCount> week = orders.syncedPerDay(7);

        assertThat(week).hasSize(7);
        assertThat(week.getLast().count()).isEqualTo(40);
        assertThat(week.subList(0, 6)).extracting(DayCount::count).containsOnly(0L);
        assertThat(week.getFirst().day()).isEqualTo(week.getLast().day().minusDays(6));
    }

    @Test
    void lagIsTheAgeOfTheOldestRowStillToDo() {
        OrderSyncStore quiet = db.site("lag").orders();
        assertThat(quiet.lag()).isZero();
        quiet.enqueue(1, "processing", Trigger.POLL, false);
        quiet.enqueue(2, "processing", Trigger.POLL, false);
        db.execute("UPDATE " + db.table(StateTable.ORDER_SYNC) + " SET queued_at = UTC_TIMESTAMP(3)"
                + " - INTERVAL 90 SECOND WHERE site_id = 'lag' AND order_id = 2");

        assertThat(quiet.lag()).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(95));
        quiet.markSynced(quiet.claim("w", 2, LEASE).getLast(), "inv-2");
        assertThat(quiet.lag()).isLessThan(Duration.ofSeconds(5));
    }
}
