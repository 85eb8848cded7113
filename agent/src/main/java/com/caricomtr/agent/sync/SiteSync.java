package com.caricomtr.agent.sync;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.caricomtr.agent.sync.state.Backfill;
import com.caricomtr.agent.sync.state.EnqueueResult;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.RetentionCleaner;
import com.caricomtr.agent.sync.state.StateStoreException;
import com.caricomtr.agent.sync.state.Trigger;
import com.caricomtr.agent.woo.WooReadException;

/**
 * One site's sync at work: its worker draining the queue, its poller, its backfills, its daily cleanup; and the
 * operations the bridge asks for. Threads are virtual; {@link #close()} stops them. The shop's hooks apply to the
 * worker's syncs and to the cleanup.
 */
public final class SiteSync implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SiteSync.class.getName());
    private static final Duration CLEANUP_EVERY = Duration.ofDays(1);

    private final SiteRuntime site;
    private final SyncHooks hooks;
    private final SyncWorker worker;
    private final OutcomeWait outcomeWait;
    private final OrderPoller poller;
    private final Backfiller backfiller;
    /** Backfills add theirs from request threads while {@link #close()} may be going through the list. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile Thread workerThread;

    SiteSync(SiteRuntime site, String agentId, SyncHooks hooks) {
        this.site = site;
        this.hooks = hooks;
        OrderOutcomes outcomes = new OrderOutcomes();
        this.worker = new SyncWorker(site, WorkerId.of(agentId, site.id()), hooks, outcomes);
        this.outcomeWait = new OutcomeWait(site.state().orders()::states, outcomes, worker::waitingForHooks);
        this.poller = new OrderPoller(site, worker::wake);
        this.backfiller = new Backfiller(site, worker::wake);
    }

    void start(boolean polling) {
        workerThread = Thread.ofVirtual().name("sync-" + site.id()).start(worker);
        threads.add(workerThread);
        if (polling) {
            try {
                poller.startWatchingIfNew();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": cannot record where polling starts"
                        + " (the first poll will): " + e);
            }
            threads.add(Thread.ofVirtual().name("poll-" + site.id()).start(this::pollLoop));
        }
        threads.add(Thread.ofVirtual().name("cleanup-" + site.id()).start(this::cleanupLoop));
        for (Backfill running : site.state().backfills().running()) {
            startBackfillThread(running);
        }
    }

    public SiteRuntime runtime() {
        return site;
    }

    /**
     * True while queued orders wait for the site's bridge to register its hooks ({@code hooks.require-registration}
     * and no registration stored): nothing is synced until then.
     */
    public boolean waitingForHooks() {
        return worker.waitingForHooks();
    }

    /** The bridge saw an order's status change: queue it if its current status is a trigger. */
    public List<OrderResult> notify(Collection<Long> orderIds) {
        Map<Long, String> statuses = site.changes().statuses(orderIds);
        List<OrderResult> results = new ArrayList<>();
        for (Long id : orderIds) {
            String status = statuses.get(id);
            if (status == null) {
                results.add(new OrderResult(id, "not_found", null, "no such order"));
            } else if (!site.policy().triggers(status)) {
                results.add(new OrderResult(id, "not_in_trigger_status", null, "status " + status
                        + " does not trigger an invoice"));
            } else {
                results.add(result(site.state().orders().enqueue(id, status, Trigger.NOTIFY, false)));
            }
        }
        worker.wake();
        return results;
    }

    /** An admin asked to sync these orders now, whatever their status; {@code force} resends synced ones. */
    public List<OrderResult> syncNow(Collection<Long> orderIds, boolean force) {
        Map<Long, String> statuses = site.changes().statuses(orderIds);
        List<OrderResult> results = new ArrayList<>();
        for (Long id : orderIds) {
            String status = statuses.get(id);
            if (status == null) {
                results.add(new OrderResult(id, "not_found", null, "no such order"));
            } else {
                results.add(result(site.state().orders().enqueue(id, status, Trigger.MANUAL, force)));
            }
        }
        worker.wake();
        return results;
    }

    /**
     * The orders' states after waiting at most {@code wait} for those on their way ({@code pending},
     * {@code sending}) to come to rest; read at once for a zero wait, and while the site's orders are held for the
     * bridge's registration ({@link #waitingForHooks()}). Orders the agent holds nothing for are left out.
     */
    public Map<Long, OrderSyncState> states(Collection<Long> orderIds, Duration wait) {
        return outcomeWait.await(orderIds, wait);
    }

    public List<Long> retry(Collection<Long> orderIds) {
        List<Long> retried = site.state().orders().retry(orderIds);
        site.state().errors().dismissForOrders(retried);
        worker.wake();
        return retried;
    }

    public List<Long> dismiss(Collection<Long> orderIds) {
        List<Long> dismissed = site.state().orders().dismiss(orderIds);
        site.state().errors().dismissForOrders(dismissed);
        return dismissed;
    }

    /** @throws IllegalArgumentException when a status is not one of the shop's ({@link ShopStatuses}) */
    public Backfill startBackfill(LocalDate from, LocalDate to, List<String> statuses) {
        ShopStatuses shop = ShopStatuses.of(site.state().hooks().find());
        List<String> unknown = shop.unknown(statuses);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("statuses: " + shop.explain(unknown));
        }
        Backfill backfill = site.state().backfills().create(from, to, statuses);
        startBackfillThread(backfill);
        return backfill;
    }

    public Optional<Backfill> backfill(long id) {
        return site.state().backfills().get(id);
    }

    public boolean cancelBackfill(long id) {
        return site.state().backfills().cancel(id);
    }

    /** One poll now (tests and the benchmark use it to avoid waiting for the interval). */
    public int pollNow() {
        return poller.pollOnce();
    }

    /**
     * The daily clean-up, now: deletes log and error rows older than the retention (the site's setting, through
     * the shop's {@code caricomtr_logs_retention_days}), then tells {@code caricomtr_cleanup_logs}.
     */
    public RetentionCleaner.Result cleanupNow() {
        int days = retentionDays();
        RetentionCleaner.Result removed = site.state().retention().deleteOlderThan(Duration.ofDays(days));
        hooks.cleanupLogs(site.id(), days, removed.apiLogRows() + removed.errorRows());
        return removed;
    }

    /** The configured retention, or what the shop's filter makes of it when that is a whole number of days. */
    private int retentionDays() {
        int configured = site.policy().retentionDays();
        int filtered = hooks.logsRetentionDays(site.id(), configured);
        if (filtered == configured) {
            return configured;
        }
        if (filtered < 1 || filtered > SyncPolicy.MAX_RETENTION_DAYS) {
            LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": hook caricomtr_logs_retention_days: "
                    + filtered + " is not a number of days from 1 to " + SyncPolicy.MAX_RETENTION_DAYS
                    + "; continuing with the unfiltered value " + configured);
            return configured;
        }
        return filtered;
    }

    private void startBackfillThread(Backfill backfill) {
        threads.add(Thread.ofVirtual().name("backfill-" + site.id() + "-" + backfill.id()).start(() -> {
            try {
                // Database outages are waited out inside; what ends up here is not one.
                backfiller.run(backfill.id(), () -> running);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": backfill " + backfill.id()
                        + " stopped, resumes at the next start: " + e);
            }
        }));
    }

    /** During a database outage the poll waits as a backfill does, and says so once rather than every interval. */
    private void pollLoop() {
        OutageBackoff outage = new OutageBackoff("site " + site.id() + ": poller");
        while (running) {
            Duration wait = site.policy().pollInterval();
            try {
                poller.pollOnce();
                outage.succeeded("polling again");
            } catch (StateStoreException | WooReadException e) {
                Duration backoff = outage.failed(e);
                wait = backoff.compareTo(wait) > 0 ? backoff : wait;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": poll failed: " + e);
            }
            sleep(wait);
        }
    }

    private void cleanupLoop() {
        while (running) {
            try {
                RetentionCleaner.Result removed = cleanupNow();
                LOG.log(System.Logger.Level.INFO, "site " + site.id() + ": retention removed " + removed);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": cleanup failed: " + e);
            }
            sleep(CLEANUP_EVERY);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static OrderResult result(EnqueueResult r) {
        return new OrderResult(r.orderId(), r.outcome().name().toLowerCase(Locale.ROOT),
                r.state() == null ? null : r.state().dbValue(), null);
    }

    @Override
    public void close() {
        running = false;
        worker.stop();
        // The worker first: it lets deliveries under way finish and gives back what it had not started. The poller,
        // the clean-up and backfills only read and queue, so they may be cut short.
        threads.stream().filter(t -> t != workerThread).forEach(Thread::interrupt);
        try {
            if (workerThread != null && !workerThread.join(SyncWorker.STOP_GRACE.plusSeconds(3))) {
                workerThread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread t : threads) {
            try {
                if (!t.join(Duration.ofSeconds(5))) {
                    LOG.log(System.Logger.Level.WARNING, "site " + site.id() + ": " + t.getName()
                            + " did not stop within 5 s; closing the site anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        site.close();
    }
}
