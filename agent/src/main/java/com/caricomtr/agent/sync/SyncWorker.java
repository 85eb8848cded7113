package com.caricomtr.agent.sync;

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
 * and at most {@code ratePerSecond} started per second. It claims only what may start at once: no more than the free
 * slots and what the rate limiter lets go now, so a claimed order never waits with its lease ticking.
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
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore slots;
    private final RateLimiter rate;
    private volatile boolean running = true;
    private boolean waitedForHooks;

    SyncWorker(SiteRuntime site, String workerId, SyncHooks hooks) {
        this.site = site;
        this.workerId = workerId;
        this.hooks = hooks;
        this.orderSync = new OrderSync(site, hooks);
        this.slots = new Semaphore(site.policy().concurrency());
        this.rate = new RateLimiter(site.policy().ratePerSecond(), site.policy().concurrency());
    }

    /** Something was queued: look now rather than at the next interval. */
    void wake() {
        wake.release();
    }

    void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        try (ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor()) {
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
                slots.release();
                rate.giveBack(1);
            }
        }
        for (Order order : loaded.orders()) {
            Claim claim = byOrder.get(order.id());
            deliveries.submit(() -> {
                try {
                    orderSync.sync(claim, order);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + order.id()
                            + ": not recorded, retried after the lease: " + e);
                } finally {
                    slots.release();
                }
            });
        }
        return claims.size();
    }

    /**
     * How many orders to claim: as many as there are free delivery slots and starts the rate limiter lets go now,
     * at least one (it waits for both). What is claimed then starts at once, so that no lease ticks while its
     * order waits for a slot or for its turn; the slots and starts taken here are the claims' own.
     */
    private int startsAllowedNow() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return 0;
        }
        int free = 1 + slots.drainPermits();
        int allowed = running ? rate.acquireUpTo(free) : 0;
        slots.release(free - allowed);
        if (Thread.currentThread().isInterrupted()) {
            running = false;
        }
        return allowed;
    }

    /** Gives back slots and starts taken for claims that did not come (fewer orders were due). */
    private void unused(int count) {
        slots.release(count);
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
