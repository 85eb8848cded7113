package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.SyncState;

/**
 * Waits, at most a given time, for orders on their way ({@code pending}, {@code sending}) to come to rest, so that a
 * bulk sync can answer with invoice numbers and errors. It reads the states of the orders still on their way when
 * the worker is done with one of them, at most every {@link #MIN_GAP} (outcomes arriving together make one read),
 * and every {@link #POLL} otherwise, for the outcomes other agents record. Each read borrows a connection for one
 * query; none is held while waiting.
 */
final class OutcomeWait {
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration MIN_GAP = Duration.ofMillis(50);

    /** One query for the states of the orders given ({@code OrderSyncStore.states}). */
    private final Function<Collection<Long>, Map<Long, OrderSyncState>> read;
    private final OrderOutcomes outcomes;
    /** True while the site's orders cannot move (held for the bridge's registration): no use waiting then. */
    private final BooleanSupplier held;

    OutcomeWait(Function<Collection<Long>, Map<Long, OrderSyncState>> read, OrderOutcomes outcomes,
                BooleanSupplier held) {
        this.read = read;
        this.outcomes = outcomes;
        this.held = held;
    }

    /** The orders' states once none is on its way, or when {@code wait} is over; read at once for a zero wait. */
    Map<Long, OrderSyncState> await(Collection<Long> orderIds, Duration wait) {
        if (!wait.isPositive()) {
            return read.apply(orderIds);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        // Listening before the first read: an outcome recorded in between still wakes the first wait.
        try (OrderOutcomes.Watch watch = outcomes.watch(orderIds)) {
            Map<Long, OrderSyncState> states = new HashMap<>(read.apply(orderIds));
            long readAt = System.nanoTime();
            List<Long> onTheirWay = onTheirWay(orderIds, states);
            while (!onTheirWay.isEmpty() && !held.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                if (watch.await(Duration.ofNanos(Math.min(POLL.toNanos(), left)))) {
                    long now = System.nanoTime();
                    Thread.sleep(Duration.ofNanos(Math.max(0, Math.min(readAt + MIN_GAP.toNanos(), deadline) - now)));
                }
                states.putAll(read.apply(onTheirWay));
                readAt = System.nanoTime();
                onTheirWay = onTheirWay(onTheirWay, states);
            }
            return states;
        } catch (InterruptedException e) {
            // The agent is stopping: answer with what is stored now.
            Thread.currentThread().interrupt();
            return read.apply(orderIds);
        }
    }

    private static List<Long> onTheirWay(Collection<Long> orderIds, Map<Long, OrderSyncState> states) {
        return orderIds.stream().distinct().filter(id -> {
            OrderSyncState state = states.get(id);
            return state != null && (state.state() == SyncState.PENDING || state.state() == SyncState.SENDING);
        }).toList();
    }
}
