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
 * and at most {@code ratePerSecond} started per second.
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
        this.rate = new RateLimiter(site.policy().ratePerSecond());
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
        // A claim and a batch load cost the same for 1 order as for 32: claim ahead of the free slots, since the
        // slots (not the claim size) bound what is in flight towards Cari.
        int limit = site.policy().concurrency() * 2;
        List<Claim> claims = site.state().orders().claim(workerId, limit, site.policy().lease());
        if (claims.isEmpty()) {
            return 0;
        }
        Map<Long, Claim> byOrder = new HashMap<>();
        claims.forEach(c -> byOrder.put(c.orderId(), c));
        LoadResult loaded = site.reader().load(new ArrayList<>(byOrder.keySet()));
        for (Rejection rejection : loaded.rejections()) {
            orderSync.rejected(byOrder.get(rejection.orderId()), rejection);
        }
        for (Order order : loaded.orders()) {
            Claim claim = byOrder.get(order.id());
            slots.acquireUninterruptibly();
            rate.acquire();
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
