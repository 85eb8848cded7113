package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import com.caricomtr.agent.db.JdbcConnectionPool;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Claims and leases: each due row to one worker at a time, across agents, with crash recovery and fencing. */
class ClaimTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final AtomicInteger SITES = new AtomicInteger();
    private static StateFixture db;
    private String site;
    private OrderSyncStore orders;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("claim");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void newSite() {
        site = "claim-" + SITES.incrementAndGet();
        orders = db.site(site).orders();
    }

    @Test
    void dueRowsAreClaimedOldestFirstUnderALease() {
        for (long id = 1; id <= 5; id++) {
            orders.enqueue(id, "processing", Trigger.POLL, false);
        }
        orders.markRetry(orders.claim("setup", 1, LEASE).getFirst(), "RETRYABLE", "timeout", Duration.ofHours(1));

        List<Claim> claims = orders.claim("w1", 3, LEASE);

        assertThat(claims).extracting(Claim::orderId).containsExactly(2L, 3L, 4L);
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.workerId()).isEqualTo("w1");
            assertThat(claim.attempt()).isEqualTo(1);
            assertThat(claim.claims()).isEqualTo(1);
            assertThat(claim.lostClaims()).isZero();
            assertThat(claim.recovered()).isFalse();
            assertThat(claim.invoiceNumber()).isNull();
            assertThat(claim.trigger()).isEqualTo(Trigger.POLL);
            assertThat(claim.leaseUntil()).isCloseTo(dbNow().plus(LEASE), within(Duration.ofSeconds(5)));
        });
        assertThat(orders.claim("w2", 10, LEASE)).as("order 1 waits for its retry time").extracting(Claim::orderId)
                .containsExactly(5L);
        assertThat(orders.claim("w3", 10, LEASE)).isEmpty();
        OrderSyncState row = orders.states(List.of(2L)).get(2L);
        assertThat(row.state()).isEqualTo(SyncState.SENDING);
        assertThat(row.claimedBy()).isEqualTo("w1");
        assertThat(row.attempts()).as("a claim is not an attempt").isZero();
        assertThat(row.claims()).isEqualTo(1);
    }

    @Test
    void twoAgentsWithFourThreadsEachClaim2000RowsExactlyOnce() throws Exception {
        int total = 2_000;
        orders.enqueueAll(LongStream.rangeClosed(1, total)
                .mapToObj(id -> new EnqueueRequest(id, "completed", Trigger.BACKFILL, false)).toList());
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubles = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong claimCalls = new AtomicLong();
        long retriesBefore = Jdbc.TRANSIENT_RETRIES.sum();

        long started = System.nanoTime();
        try (JdbcConnectionPool secondAgent = db.secondPool("second-agent")) {
            OrderSyncStore[] agents = {orders, AgentState.open(secondAgent.dataSource(), db.location, site).orders()};
            StateFixture.runConcurrently(8, thread -> {
                OrderSyncStore agent = agents[thread % 2];
                String worker = "agent" + (thread % 2) + "-t" + thread;
                List<Claim> claims;
                while (!(claims = agent.claim(worker, 10, LEASE)).isEmpty()) {
                    claimCalls.incrementAndGet();
                    for (Claim claim : claims) {
                        String earlier = claimedBy.putIfAbsent(claim.orderId(), worker);
                        if (earlier != null) {
                            doubles.add(claim.orderId() + " by " + earlier + " and " + worker);
                        }
                        assertThat(agent.markSynced(claim, "inv-" + claim.orderId())).isTrue();
                    }
                }
            });
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long retries = Jdbc.TRANSIENT_RETRIES.sum() - retriesBefore;

        System.err.printf("[claim] 2 agents x 4 threads: %d rows claimed and marked synced in %d ms (%.0f rows/s),"
                        + " %d claim calls, %d deadlock/lock-wait retries%n", claimedBy.size(), took.toMillis(),
                total * 1000.0 / Math.max(1, took.toMillis()), claimCalls.get(), retries);
        assertThat(doubles).isEmpty();
        assertThat(claimedBy).hasSize(total);
        assertThat(claimedBy.values().stream().map(w -> w.substring(0, 6)).distinct()).as("both agents worked")
                .hasSize(2);
        assertThat(orders.countsByState()).containsEntry(SyncState.SYNCED, (long) total)
                .containsEntry(SyncState.SENDING, 0L).containsEntry(SyncState.PENDING, 0L);
        assertThat(orders.syncedPerDay(1).getFirst().count()).isEqualTo(total);
    }

    @Test
    void enqueuersAndClaimersRunningTogetherSyncEveryOrderOnce() throws Exception {
        int perProducer = 600;
        Map<Long, Integer> syncs = new ConcurrentHashMap<>();
        AtomicInteger producersDone = new AtomicInteger();
        StateFixture.runConcurrently(6, thread -> {
            if (thread < 2) {
                for (long from = thread * perProducer + 1; from <= (thread + 1) * perProducer; from += 50) {
                    long start = from;
                    orders.enqueueAll(LongStream.range(start, start + 50)
                            .mapToObj(id -> new EnqueueRequest(id, "completed", Trigger.POLL, false)).toList());
                    // Notifies for orders the poller may enqueue at the same moment.
                    orders.enqueue(start + 25, "completed", Trigger.NOTIFY, false);
                }
                producersDone.incrementAndGet();
                return;
            }
            while (true) {
                boolean producing = producersDone.get() < 2;
                List<Claim> claims = orders.claim("c" + thread, 5, LEASE);
                for (Claim claim : claims) {
                    syncs.merge(claim.orderId(), 1, Integer::sum);
                    orders.markSynced(claim, "inv");
                }
                if (claims.isEmpty() && !producing) {
                    return;
                }
            }
        });

        assertThat(syncs).hasSize(2 * perProducer);
        assertThat(syncs.values()).containsOnly(1);
    }

    @Test
    void anExpiredLeaseIsRecoveredAndTheOldHolderCanNoLongerRecord() {
        orders.enqueue(50, "processing", Trigger.NOTIFY, false);
        Claim first = orders.claim("crashed", 1, Duration.ofMillis(300)).getFirst();
        orders.recordInvoiceNumber(first, new StoredInvoiceNumber("WOO", "WOO2025000000050", 50L));
        orders.recordCustomer(first, "cust-50");

        assertThat(orders.claim("other", 1, LEASE)).as("lease still running").isEmpty();
        Claim recovered = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> orders.claim("other", 1, LEASE), claims -> !claims.isEmpty()).getFirst();

        assertThat(recovered.recovered()).isTrue();
        assertThat(recovered.attempt()).as("the crashed claim made no attempt that counts").isEqualTo(1);
        assertThat(recovered.claims()).isEqualTo(2);
        assertThat(recovered.lostClaims()).isEqualTo(1);
        assertThat(orders.states(List.of(50L)).get(50L).lostClaims()).isEqualTo(1);
        assertThat(recovered.invoiceNumber()).isEqualTo(new StoredInvoiceNumber("WOO", "WOO2025000000050", 50L));
        assertThat(recovered.cariCustomerId()).isEqualTo("cust-50");
        assertThat(recovered.trigger()).isEqualTo(Trigger.NOTIFY);

        assertThat(orders.extendLease(first, LEASE)).isFalse();
        assertThat(orders.recordInvoiceNumber(first, new StoredInvoiceNumber("WOO", "OTHER", 1L))).isEmpty();
        assertThat(orders.recordCustomer(first, "cust-x")).isFalse();
        assertThat(orders.markSynced(first, "inv-stale")).isFalse();
        assertThat(orders.markRetry(first, "RETRYABLE", "x", Duration.ZERO)).isFalse();
        assertThat(orders.markFailed(first, "PERMANENT", "x")).isFalse();
        assertThat(orders.markNeedsReview(first, "x")).isFalse();

        assertThat(orders.markSynced(recovered, "inv-50")).isTrue();
        OrderSyncState row = orders.states(List.of(50L)).get(50L);
        assertThat(row.state()).isEqualTo(SyncState.SYNCED);
        assertThat(row.cariInvoiceId()).isEqualTo("inv-50");
        assertThat(row.cariCustomerId()).isEqualTo("cust-50");
        assertThat(row.claimedBy()).isNull();
        assertThat(row.syncedAt()).isNotNull();
    }

    @Test
    void aSiteClaimsAndCountsOnlyItsOwnRowsInASharedTable() {
        OrderSyncStore neighbour = db.site(site + "-neighbour").orders();
        orders.enqueue(1, "processing", Trigger.POLL, false);
        neighbour.enqueue(1, "processing", Trigger.POLL, false);
        neighbour.enqueue(2, "processing", Trigger.POLL, false);

        assertThat(orders.claim("w", 10, LEASE)).extracting(Claim::orderId).containsExactly(1L);
        assertThat(orders.countsByState()).containsEntry(SyncState.SENDING, 1L).containsEntry(SyncState.PENDING, 0L);
        assertThat(neighbour.countsByState()).containsEntry(SyncState.PENDING, 2L);
        assertThat(neighbour.claim("w", 10, LEASE)).extracting(Claim::orderId).containsExactly(1L, 2L);
    }

    @Test
    void anExpiredLeaseNobodyTookOverStillLetsItsHolderFinish() {
        orders.enqueue(55, "processing", Trigger.POLL, false);
        Claim claim = orders.claim("slow", 1, LEASE).getFirst();
        expireLeases();

        assertThat(orders.markSynced(claim, "inv-55")).isTrue();
        assertThat(orders.claim("other", 1, LEASE)).isEmpty();
    }

    @Test
    void aWorkerReusingItsIdCannotRecordWithAnOlderClaim() {
        orders.enqueue(60, "processing", Trigger.POLL, false);
        Claim old = orders.claim("same-worker", 1, LEASE).getFirst();
        expireLeases();
        Claim current = orders.claim("same-worker", 1, LEASE).getFirst();

        assertThat(current.claimSeq()).isEqualTo(old.claimSeq() + 1);
        assertThat(orders.markFailed(old, "PERMANENT", "stale")).isFalse();
        assertThat(orders.markSynced(current, "inv-60")).isTrue();
    }

    @Test
    void extendingTheLeaseKeepsOtherWorkersOff() {
        orders.enqueue(70, "processing", Trigger.POLL, false);
        Claim claim = orders.claim("w", 1, Duration.ofSeconds(1)).getFirst();

        assertThat(orders.extendLease(claim, Duration.ofMinutes(10))).isTrue();

        assertThat(orders.states(List.of(70L)).get(70L).claimedUntil())
                .isCloseTo(dbNow().plus(Duration.ofMinutes(10)), within(Duration.ofSeconds(5)));
        assertThat(orders.claim("other", 1, LEASE)).isEmpty();
    }

    @Test
    void theFirstRecordedInvoiceNumberWinsForever() {
        orders.enqueue(80, "processing", Trigger.POLL, false);
        Claim claim = orders.claim("w", 1, LEASE).getFirst();
        StoredInvoiceNumber first = new StoredInvoiceNumber("WOO", "WOO2025000000001", 1L);

        assertThat(orders.recordInvoiceNumber(claim, first)).contains(first);
        assertThat(orders.recordInvoiceNumber(claim, new StoredInvoiceNumber("WOO", "WOO2025000000002", 2L)))
                .as("a second number is refused, the first is returned").contains(first);
        orders.markRetry(claim.asAttempt(), "RETRYABLE", "timeout", Duration.ZERO);

        Claim retry = orders.claim("w", 1, LEASE).getFirst();
        assertThat(retry.invoiceNumber()).isEqualTo(first);
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(orders.recordInvoiceNumber(retry, new StoredInvoiceNumber(null, "80", null)))
                .contains(first);
    }

    @Test
    void anInvoiceNumberBelongsToOneOrderOfASite() {
        orders.enqueue(81, "processing", Trigger.POLL, false);
        orders.enqueue(82, "processing", Trigger.POLL, false);
        List<Claim> claims = orders.claim("w", 2, LEASE);
        StoredInvoiceNumber number = new StoredInvoiceNumber("WOO", "WOO2025000000081", 81L);
        orders.recordInvoiceNumber(claims.get(0), number);

        assertThatThrownBy(() -> orders.recordInvoiceNumber(claims.get(1), number))
                .isInstanceOfSatisfying(InvoiceNumberTaken.class, taken -> {
                    assertThat(taken.number()).isEqualTo("WOO2025000000081");
                    assertThat(taken.holder()).hasValue(81);
                    assertThat(taken.getMessage()).contains("order 81", "order 82");
                });
        assertThat(orders.states(List.of(82L)).get(82L).invoiceNumber()).isNull();
        assertThat(orders.recordInvoiceNumber(claims.get(1), new StoredInvoiceNumber("WOO", "wOO2025000000081",
                81L))).as("numbers compare byte for byte").isPresent();
        OrderSyncStore neighbour = db.site(site + "-neighbour").orders();
        neighbour.enqueue(81, "processing", Trigger.POLL, false);
        assertThat(neighbour.recordInvoiceNumber(neighbour.claim("w", 1, LEASE).getFirst(), number))
                .as("another site may use the same number").contains(number);
    }

    @Test
    void aRetryIsDueAtItsTimeByTheDatabaseClockAndStoredInUtc() {
        orders.enqueue(90, "processing", Trigger.POLL, false);
        orders.markRetry(orders.claim("w", 1, LEASE).getFirst().asAttempt(), "RETRYABLE", "503",
                Duration.ofHours(1));

        assertThat(orders.claim("w", 1, LEASE)).isEmpty();
        assertThat(secondsUntilNextAttempt(90)).isBetween(3590L, 3600L);
        OrderSyncState row = orders.states(List.of(90L)).get(90L);
        assertThat(row.state()).isEqualTo(SyncState.PENDING);
        assertThat(row.lastErrorClass()).isEqualTo("RETRYABLE");
        assertThat(row.lastError()).isEqualTo("503");

        db.execute("UPDATE " + db.table(StateTable.ORDER_SYNC) + " SET next_attempt_at = UTC_TIMESTAMP(3)"
                + " WHERE site_id = '" + site + "'");
        assertThat(orders.claim("w", 1, LEASE)).extracting(Claim::attempt).containsExactly(2);
    }

    @Test
    void onlyOutcomesThatReachedCariCountAsAttemptsAndLostClaimsAreCountedApart() {
        orders.enqueue(91, "processing", Trigger.POLL, false);
        Claim first = orders.claim("w", 1, Duration.ofMillis(200)).getFirst();
        Claim afterCrash = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> orders.claim("w2", 1, LEASE), claims -> !claims.isEmpty()).getFirst();
        assertThat(first.claimSeq()).isLessThan(afterCrash.claimSeq());
        orders.markRetry(afterCrash, "retryable", "connection refused; not an attempt", Duration.ZERO);
        Claim third = orders.claim("w2", 1, LEASE).getFirst();
        assertThat(third.attempt()).isEqualTo(1);
        assertThat(third.claims()).isEqualTo(3);
        assertThat(third.lostClaims()).isEqualTo(1);
        orders.markRetry(third.asAttempt(), "retryable", "HTTP 503", Duration.ZERO);
        Claim fourth = orders.claim("w2", 1, LEASE).getFirst();
        assertThat(fourth.attempt()).isEqualTo(2);
        assertThat(orders.markSynced(fourth.asAttempt(), "F1")).isTrue();

        OrderSyncState row = orders.states(List.of(91L)).get(91L);
        assertThat(row.attempts()).as("the 503 and the success").isEqualTo(2);
        assertThat(row.claims()).isEqualTo(4);
        assertThat(row.lostClaims()).isEqualTo(1);
        assertThat(orders.enqueue(91, "processing", Trigger.MANUAL, true).outcome()).isEqualTo(EnqueueOutcome.REQUEUED);
        OrderSyncState requeued = orders.states(List.of(91L)).get(91L);
        assertThat(List.of(requeued.attempts(), requeued.claims(), requeued.lostClaims()))
                .as("a forced resend starts counting again").containsOnly(0);
    }

    @Test
    void instantsFromAJvmOutsideUtcAreStoredAsUtc() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Istanbul"));
        try (JdbcConnectionPool istanbul = db.secondPool("istanbul")) {
            OrderSyncStore store = AgentState.open(istanbul.dataSource(), db.location, site).orders();
            store.enqueue(95, "processing", Trigger.POLL, false);
            Instant inTwoHours = dbNow().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

            store.markRetry(store.claim("w", 1, LEASE).getFirst(), "RETRYABLE", "later", inTwoHours);

            assertThat(secondsUntilNextAttempt(95)).isBetween(7190L, 7200L);
            assertThat(store.states(List.of(95L)).get(95L).nextAttemptAt()).isEqualTo(inTwoHours);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void outcomesReleaseTheLeaseAndCountPerDay() {
        for (long id = 1; id <= 4; id++) {
            orders.enqueue(id, "processing", Trigger.POLL, false);
        }
        List<Claim> claims = orders.claim("w", 4, LEASE);
        orders.markSynced(claims.get(0), "inv-1");
        orders.markFailed(claims.get(1), "PERMANENT", "x".repeat(20_000));
        orders.markNeedsReview(claims.get(2), "exists with other content");
        orders.markRetry(claims.get(3), "RETRYABLE", "timeout", Duration.ofHours(1));

        Map<Long, OrderSyncState> rows = orders.states(List.of(1L, 2L, 3L, 4L));
        assertThat(rows.values()).extracting(OrderSyncState::state).containsExactly(SyncState.SYNCED,
                SyncState.FAILED, SyncState.NEEDS_REVIEW, SyncState.PENDING);
        assertThat(rows.values()).extracting(OrderSyncState::claimedBy).containsOnlyNulls();
        assertThat(rows.get(2L).lastError()).as("cut to fit TEXT").hasSizeLessThanOrEqualTo(Texts.MAX_MESSAGE)
                .endsWith("[cut]");
        assertThat(rows.get(3L).lastErrorClass()).isEqualTo("needs_review");
        CounterStore counters = db.site(site).counters();
        LocalDate today = dbNow().atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(orders.syncedPerDay(2)).containsExactly(new DayCount(today.minusDays(1), 0),
                new DayCount(today, 1));
        assertThat(counters.perDay(CounterStore.FAILED, 1)).containsExactly(new DayCount(today, 1));
        assertThat(counters.perDay(CounterStore.NEEDS_REVIEW, 1)).containsExactly(new DayCount(today, 1));
        assertThat(counters.perDay(CounterStore.RETRIED, 1)).containsExactly(new DayCount(today, 1));
    }

    @Test
    void theClaimQueriesWalkTheirIndexWithoutSorting() {
        orders.enqueueAll(LongStream.rangeClosed(1, 3_000)
                .mapToObj(id -> new EnqueueRequest(id, "completed", Trigger.BACKFILL, false)).toList());
        orders.claim("w", 500, LEASE);
        db.execute("ANALYZE TABLE " + db.table(StateTable.ORDER_SYNC));

        for (String condition : List.of("state = 'pending' AND next_attempt_at <= UTC_TIMESTAMP(3)"
                + " ORDER BY next_attempt_at, order_id", "state = 'sending' AND claimed_until < UTC_TIMESTAMP(3)"
                + " ORDER BY claimed_until, order_id")) {
            List<String> plan = explain("SELECT order_id FROM " + db.table(StateTable.ORDER_SYNC) + " WHERE site_id = '"
                    + site + "' AND document = 'invoice' AND " + condition + " LIMIT 10 FOR UPDATE SKIP LOCKED");
            System.err.println("[claim] plan: " + plan);
            assertThat(String.join(" ", plan)).doesNotContain("filesort");
        }
    }

    private List<String> explain(String sql) {
        List<String> rows = new ArrayList<>();
        try (var c = db.pool.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("EXPLAIN " + sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString().strip());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private void expireLeases() {
        db.execute("UPDATE " + db.table(StateTable.ORDER_SYNC) + " SET claimed_until = UTC_TIMESTAMP(3)"
                + " - INTERVAL 1 SECOND WHERE site_id = '" + site + "' AND state = 'sending'");
    }

    private long secondsUntilNextAttempt(long orderId) {
        return db.count("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(3), next_attempt_at) FROM "
                + db.table(StateTable.ORDER_SYNC) + " WHERE site_id = '" + site + "' AND order_id = " + orderId);
    }

    private static Instant dbNow() {
        return Jdbc.autoCommit(db.pool.dataSource(), "clock", Jdbc::now);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toMillis(),
                java.time.temporal.ChronoUnit.MILLIS);
    }
}
