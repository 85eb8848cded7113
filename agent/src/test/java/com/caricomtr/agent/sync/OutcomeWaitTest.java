package com.caricomtr.agent.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.sync.state.Trigger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a sync request waits for outcomes: one read when there is nothing to wait for, a read when the worker is done
 * with an order (not at the next poll), a slow poll otherwise, and never past the wait. The states are a map here,
 * so that the reads can be counted.
 */
class OutcomeWaitTest {
    private final Map<Long, OrderSyncState> rows = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean held = new AtomicBoolean();
    private final OrderOutcomes outcomes = new OrderOutcomes();
    private final OutcomeWait wait = new OutcomeWait(this::read, outcomes, held::get);

    @Test
    void nothingOnItsWayIsOneRead() {
        rows.put(1L, row(1, SyncState.SYNCED));
        rows.put(2L, row(2, SyncState.FAILED));

        long start = System.nanoTime();
        Map<Long, OrderSyncState> states = wait.await(List.of(1L, 2L, 3L), Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        assertThat(reads).hasValue(1);
        assertThat(states).containsOnlyKeys(1L, 2L);
    }

    @Test
    void theWorkersOutcomeIsReadAtOnceNotAtTheNextPoll() {
        rows.put(1L, row(1, SyncState.SENDING));
        rows.put(2L, row(2, SyncState.SYNCED));
        Thread.ofVirtual().start(() -> {
            sleep(Duration.ofMillis(60));
            rows.put(1L, row(1, SyncState.SYNCED));
            outcomes.done(2L);
            outcomes.done(1L);
        });

        long start = System.nanoTime();
        Map<Long, OrderSyncState> states = wait.await(List.of(1L, 2L), Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("before the poll at 200 ms")
                .isLessThan(OutcomeWait.POLL.minusMillis(40));
        assertThat(states.get(1L).state()).isEqualTo(SyncState.SYNCED);
        assertThat(reads).as("the first read, and one for both outcomes").hasValue(2);
    }

    @Test
    void withoutOutcomesTheStatesArePolledSlowlyUntilTheWaitIsOver() {
        rows.put(1L, row(1, SyncState.PENDING));

        long start = System.nanoTime();
        Map<Long, OrderSyncState> states = wait.await(List.of(1L), Duration.ofMillis(1000));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1400));
        assertThat(states.get(1L).state()).isEqualTo(SyncState.PENDING);
        assertThat(reads.get()).as("one every 200 ms, and the first").isBetween(3, 7);
    }

    @Test
    void aBurstOfOutcomesMakesAtMostOneReadPerGap() {
        rows.put(1L, row(1, SyncState.SENDING));
        Thread noisy = Thread.ofVirtual().start(() -> {
            // An order retried over and over: each retry is an outcome, and the order stays on its way.
            while (!Thread.currentThread().isInterrupted()) {
                outcomes.done(1L);
                sleep(Duration.ofMillis(2));
            }
        });
        try {
            wait.await(List.of(1L), Duration.ofMillis(500));
        } finally {
            noisy.interrupt();
        }

        assertThat(reads.get()).as("one per 50 ms, and the first").isBetween(3, 11);
    }

    @Test
    void ordersHeldForTheBridgesRegistrationAreNotWaitedFor() {
        rows.put(1L, row(1, SyncState.PENDING));
        held.set(true);

        long start = System.nanoTime();
        wait.await(List.of(1L), Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aZeroWaitIsOneRead() {
        rows.put(1L, row(1, SyncState.PENDING));

        wait.await(List.of(1L), Duration.ZERO);

        assertThat(reads).hasValue(1);
    }

    private Map<Long, OrderSyncState> read(Collection<Long> ids) {
        reads.incrementAndGet();
        Map<Long, OrderSyncState> found = new ConcurrentHashMap<>();
        ids.forEach(id -> {
            if (rows.containsKey(id)) {
                found.put(id, rows.get(id));
            }
        });
        return found;
    }

    private static OrderSyncState row(long orderId, SyncState state) {
        Instant now = Instant.now();
        return new OrderSyncState(orderId, state, "completed", Trigger.MANUAL, false, 0, 0, 0, now, null, null,
                null, null, null, null, null, now, now, now, null);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
