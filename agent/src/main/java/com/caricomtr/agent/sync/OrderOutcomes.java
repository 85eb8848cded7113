package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes whoever waits for orders' outcomes (a sync request with a wait) when this agent's worker is done with one
 * of them, so that the waiter reads the states when something changed rather than polling every few milliseconds.
 * Outcomes recorded by another agent sharing the tables are not heard here; a waiter polls for those, slowly.
 */
final class OrderOutcomes {
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

    /** Starts listening for the orders' outcomes; close the watch when done. */
    Watch watch(Collection<Long> orderIds) {
        Watch watch = new Watch(Set.copyOf(orderIds));
        watches.add(watch);
        return watch;
    }

    /** The worker is done with the order's claim: an outcome is recorded, or the claim was lost to another agent. */
    void done(long orderId) {
        for (Watch watch : watches) {
            if (watch.orderIds.contains(orderId)) {
                watch.heard.release();
            }
        }
    }

    final class Watch implements AutoCloseable {
        private final Set<Long> orderIds;
        /** Permits pile up between two waits, so an outcome heard while the waiter reads is not missed. */
        private final Semaphore heard = new Semaphore(0);

        private Watch(Set<Long> orderIds) {
            this.orderIds = orderIds;
        }

        /** Until one of the orders is done, or the timeout; true when one was. */
        boolean await(Duration timeout) throws InterruptedException {
            boolean any = heard.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            heard.drainPermits();
            return any;
        }

        @Override
        public void close() {
            watches.remove(this);
        }
    }
}
