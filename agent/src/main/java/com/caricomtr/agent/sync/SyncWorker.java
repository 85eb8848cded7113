package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.sync.state.Claim;
import com.caricomtr.agent.woo.LoadResult;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.Rejection;

/**
 * Drains one site's queue: claims a batch of due orders (safe beside other agents: the claim skips rows another
 * holds), loads them in one batch, and syncs each on a virtual thread, with at most {@code concurrency} in flight
 * and at most {@code ratePerSecond} started per second.
 *
 * <p>It claims only what the rate limiter lets go now, so that no lease ticks while an order waits for its turn: at
 * a slow rate (0.25/s) an order claimed early would wait for minutes, and its lease could run out before it was
 * even tried. What it does claim ahead of the free slots, at most one more batch of {@code concurrency} orders,
 * waits only for a running delivery to end. A claim and a batch load cost the same for one order as for sixteen, so
 * the worker claims when a whole batch can be taken: claiming one by one as each delivery ended cost the database a
 * fifth more per order.
 *
 * <p>While the site's configuration requires the bridge's hook registration and the bridge has never registered,
 * nothing is claimed: orders wait, queued, rather than being synced without the shop's filters.
 */
final class SyncWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger(SyncWorker.class.getName());

    private final SiteRuntime site;
    private final String workerId;
    private final SyncHooks hooks;
    private final OrderSync orderSync;
    private final OrderOutcomes outcomes;
    /** How long a stop lets deliveries under way finish: less than the ten seconds Docker waits before SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(7);

    private final Semaphore wake = new Semaphore(0);
    /** Deliveries running towards Cari: {@code concurrency}. */
    private final Semaphore slots;
    /** Orders claimed and not yet done, running or waiting for a slot: twice {@code concurrency}. */
    private final Semaphore inHand;
    private final int concurrency;
    private final RateLimiter rate;
    private volatile boolean running = true;
    private volatile Thread runner;
    private boolean waitedForHooks;

    SyncWorker(SiteRuntime site, String workerId, SyncHooks hooks, OrderOutcomes outcomes) {
        this.site = site;
        this.workerId = workerId;
        this.hooks = hooks;
        this.orderSync = new OrderSync(site, hooks);
        this.outcomes = outcomes;
        this.concurrency = site.policy().concurrency();
        this.slots = new Semaphore(concurrency, true);
        this.inHand = new Semaphore(2 * concurrency);
        this.rate = new RateLimiter(site.policy().ratePerSecond(), 2 * concurrency);
    }

    /** Something was queued: look now rather than at the next interval. */
    void wake() {
        wake.release();
    }

    void stop() {
        running = false;
        wake.release();
        Thread thread = runner;
        if (thread != null) {
            java.util.concurrent.locks.LockSupport.unpark(thread); // out of the rate limiter's wait
        }
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
        try {
            while (running) {
                int handled = 0;
                try {
                    handled = drainOnce(deliveries);
                } catch (RuntimeException e) {
                    // Database trouble: claims not recorded come back when their lease expires.
                    LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": sync round failed: " + e);
                }
                if (handled == 0) {
                    idle();
                }
            }
        } finally {
            finishInFlight(deliveries);
        }
    }

    /**
     * Stopping: deliveries under way may finish within {@link #STOP_GRACE} (a container runtime sends SIGKILL ten
     * seconds after SIGTERM); orders claimed but not started are given back at once. What is still running after
     * the grace is interrupted and given back too, so that another agent need not wait for a lease to run out.
     */
    private void finishInFlight(ExecutorService deliveries) {
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": deliveries still running after "
                        + STOP_GRACE.toSeconds() + " s; interrupting them");
                deliveries.shutdownNow();
                deliveries.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** True while orders must wait for the bridge to register the shop's hooks. */
    boolean waitingForHooks() {
        return site.config().requireHookRegistration() && !hooks.known(site.id());
    }

    private int drainOnce(ExecutorService deliveries) {
        if (waitingForHooks()) {
            if (!waitedForHooks) {
                waitedForHooks = true;
                LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": orders wait until the bridge registers"
                        + " the shop's hooks (hooks.require-registration is true and it never registered)");
            }
            return 0;
        }
        if (waitedForHooks) {
            waitedForHooks = false;
            LOG.log(System.Logger.Level.INFO, "site " + site.id() + ": the bridge registered the shop's hooks;"
                    + " syncing");
        }
        int allowed = startsAllowedNow();
        if (allowed == 0) {
            return 0;
        }
        List<Claim> claims;
        try {
            claims = site.state().orders().claim(workerId, allowed, site.policy().lease());
        } catch (RuntimeException e) {
            unused(allowed);
            throw e;
        }
        unused(allowed - claims.size());
        if (claims.isEmpty()) {
            return 0;
        }
        Map<Long, Claim> byOrder = new HashMap<>();
        claims.forEach(c -> byOrder.put(c.orderId(), c));
        LoadResult loaded;
        try {
            loaded = site.reader().load(new ArrayList<>(byOrder.keySet()));
        } catch (RuntimeException e) {
            // Not loaded, not sent: the claims come back when their lease expires, and count as lost, not tried.
            unused(claims.size());
            throw e;
        }
        for (Rejection rejection : loaded.rejections()) {
            try {
                orderSync.rejected(byOrder.get(rejection.orderId()), rejection);
            } finally {
                unused(1);
                outcomes.done(rejection.orderId());
            }
        }
        for (Order order : loaded.orders()) {
            Claim claim = byOrder.get(order.id());
            deliveries.submit(() -> {
                try {
                    slots.acquire();
                    try {
                        if (running) {
                            orderSync.sync(claim, order);
                        } else {
                            orderSync.giveBack(claim, "the agent stopped before sending it");
                        }
                    } finally {
                        slots.release();
                    }
                } catch (InterruptedException e) {
                    orderSync.giveBack(claim, "the agent stopped while it waited to be sent");
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + order.id()
                            + ": not recorded, retried after the lease: " + e);
                } finally {
                    inHand.release();
                    outcomes.done(order.id());
                }
            });
        }
        return claims.size();
    }

    /**
     * How many orders to claim: as many as may be in hand and the rate limiter lets go now, at least one (it waits
     * for both). The places in hand and the starts taken here are the claims' own.
     */
    private int startsAllowedNow() {
        int free;
        try {
            // Until a batch's worth is free, every claimed order has a slot or waits only for a running delivery.
            inHand.acquire(concurrency);
            free = concurrency + inHand.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return 0;
        }
        int allowed = running ? rate.acquireUpTo(free, () -> running) : 0;
        inHand.release(free - allowed);
        if (Thread.currentThread().isInterrupted()) {
            running = false;
        }
        return allowed;
    }

    /** Gives back places and starts taken for claims that did not come or never go to Cari. */
    private void unused(int count) {
        inHand.release(count);
        rate.giveBack(count);
    }

    private void idle() {
        try {
            // Due retries are found within a second; new orders wake the worker at once.
            wake.tryAcquire(1, TimeUnit.SECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
