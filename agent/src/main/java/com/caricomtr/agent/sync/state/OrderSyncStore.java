package com.caricomtr.agent.sync.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The sync queue of one site and one document kind ({@link Document#INVOICE}), in {@code <prefix>caricomtr_order_sync}.
 * Thread-safe; any number of agents may share the table. All times are the database's UTC clock, so the agents'
 * own clocks never matter.
 *
 * <h2>Lifecycle</h2>
 * {@link #enqueue} creates or (with force) requeues a row; {@link #claim} leases due rows to a worker; the worker
 * fixes the invoice number ({@link #recordInvoiceNumber}) before its first send and ends with exactly one of
 * {@link #markSynced}, {@link #markRetry}, {@link #putBack}, {@link #markFailed} or {@link #markNeedsReview}. Each of
 * those applies only for the current holder of the {@link Claim} and returns false otherwise: a worker that gets
 * false has lost its lease and must stop working on the order.
 *
 * <h2>Worker ids</h2>
 * A worker id names one claiming loop of one running agent (e.g. {@code host:pid:random:thread}); the claim sequence
 * fences off stale holders anyway, but distinct ids keep the dashboard's "claimed by" meaningful.
 */
public final class OrderSyncStore {
    private final Enqueuer enqueuer;
    private final Claimer claimer;
    private final LeaseOutcomes outcomes;
    private final OrderSyncAdmin admin;
    private final OrderSyncQueries queries;
    private final CounterStore counters;

    public OrderSyncStore(DataSource dataSource, StateLocation location, String siteId) {
        this(dataSource, location, siteId, Document.INVOICE);
    }

    public OrderSyncStore(DataSource dataSource, StateLocation location, String siteId, Document document) {
        OrderSyncTable table = new OrderSyncTable(dataSource, location, siteId, document);
        this.counters = new CounterStore(dataSource, location, siteId);
        this.enqueuer = new Enqueuer(table);
        this.claimer = new Claimer(table);
        this.outcomes = new LeaseOutcomes(table, counters);
        this.admin = new OrderSyncAdmin(table, new ErrorStore(dataSource, location, siteId));
        this.queries = new OrderSyncQueries(table);
    }

    // ---- enqueueing ----

    /**
     * Makes sure the order has a row, deduping on (site, order, document):
     * <ul>
     *     <li>no row: a new {@code pending} one ({@link EnqueueOutcome#QUEUED});</li>
     *     <li>{@code pending} or {@code sending}: unchanged ({@link EnqueueOutcome#ALREADY_QUEUED}), force or not;</li>
     *     <li>{@code synced}: unchanged ({@link EnqueueOutcome#ALREADY_SYNCED}) unless forced;</li>
     *     <li>{@code failed}, {@code needs_review}, {@code dismissed}: unchanged ({@link EnqueueOutcome#NOT_REQUEUED})
     *     unless forced.</li>
     * </ul>
     * Forced, the row goes back to {@code pending} ({@link EnqueueOutcome#REQUEUED}) with the force flag, attempts
     * reset, and its invoice number and Cari ids kept: the resend reuses the number, so Cari can refuse a
     * duplicate instead of booking a second invoice. Only {@link #clearInvoiceNumber} lets it take a new one.
     */
    public EnqueueResult enqueue(long orderId, String orderStatus, Trigger trigger, boolean force) {
        return enqueuer.enqueue(new EnqueueRequest(orderId, orderStatus, trigger, force));
    }

    /** {@link #enqueue} for many orders (a backfill), one INSERT and at most one UPDATE per 500 orders. */
    public EnqueueSummary enqueueAll(Collection<EnqueueRequest> requests) {
        return enqueuer.enqueueAll(requests);
    }

    // ---- workers ----

    /**
     * Leases up to {@code limit} due rows to {@code workerId} for {@code lease}: expired leases first (marked
     * {@link Claim#recovered()}), then pending rows whose {@code next_attempt_at} has come, oldest first. Rows
     * other claimers are locking at the moment are skipped, never waited for. Each claim adds one attempt.
     */
    public List<Claim> claim(String workerId, int limit, Duration lease) {
        return claimer.claim(workerId, limit, lease);
    }

    /** Pushes the lease to now + {@code lease}; false when the claim is no longer current. */
    public boolean extendLease(Claim claim, Duration lease) {
        return outcomes.extendLease(claim, lease);
    }

    /**
     * Fixes the order's invoice number unless one is fixed already. Returns the number to send: the stored one,
     * which differs from {@code number} when an earlier attempt fixed another. Empty when the claim is no longer
     * current: then nothing may be sent.
     *
     * @throws InvoiceNumberTaken when another order of the site holds {@code number}; nothing was recorded
     */
    public Optional<StoredInvoiceNumber> recordInvoiceNumber(Claim claim, StoredInvoiceNumber number) {
        return outcomes.recordInvoiceNumber(claim, number);
    }

    public boolean recordCustomer(Claim claim, String cariCustomerId) {
        return outcomes.recordCustomer(claim, cariCustomerId);
    }

    /** {@code synced}; clears the force flag and the last error, and counts one synced for today. */
    public boolean markSynced(Claim claim, String cariInvoiceId) {
        return outcomes.markSynced(claim, cariInvoiceId);
    }

    /** Back to {@code pending}, due at {@code nextAttemptAt} (compared with the database clock). */
    public boolean markRetry(Claim claim, String errorClass, String message, Instant nextAttemptAt) {
        return outcomes.markRetry(claim, errorClass, message, nextAttemptAt);
    }

    /** Back to {@code pending}, due {@code delay} after now by the database clock: immune to this host's clock. */
    public boolean markRetry(Claim claim, String errorClass, String message, Duration delay) {
        return outcomes.markRetry(claim, errorClass, message, delay);
    }

    /**
     * Back to {@code pending}, due {@code delay} after now, with the attempt given back and nothing counted: for an
     * order that could not have its turn (e.g. {@link CustomerLockTimeout}), which is no failure of the order.
     */
    public boolean putBack(Claim claim, String errorClass, String message, Duration delay) {
        return outcomes.putBack(claim, errorClass, message, delay);
    }

    public boolean markFailed(Claim claim, String errorClass, String message) {
        return outcomes.markFailed(claim, errorClass, message);
    }

    public boolean markNeedsReview(Claim claim, String message) {
        return outcomes.markNeedsReview(claim, message);
    }

    // ---- admin ----

    /**
     * {@code failed} and {@code needs_review} rows back to {@code pending}, attempts reset, due now; their open
     * errors are dismissed. Returns the ids that were retried (others were in another state).
     */
    public List<Long> retry(Collection<Long> orderIds) {
        return admin.retry(orderIds);
    }

    /** {@code pending}, {@code failed} and {@code needs_review} rows to {@code dismissed}; returns those ids. */
    public List<Long> dismiss(Collection<Long> orderIds) {
        return admin.dismiss(orderIds);
    }

    /**
     * Forgets the order's stored invoice number and Cari invoice id, so that its next send takes a new number.
     * Only for rows no worker holds and that are not synced (force-enqueue a synced one first). Note that a
     * gapless number lives on in {@code invoice_numbers} too, which hands the same number out again.
     */
    public boolean clearInvoiceNumber(long orderId) {
        return admin.clearInvoiceNumber(orderId);
    }

    // ---- dashboard ----

    /** The rows of these orders; orders without a row are absent from the map. */
    public Map<Long, OrderSyncState> states(Collection<Long> orderIds) {
        return queries.states(orderIds);
    }

    public Page<OrderSyncState> list(OrderSyncQuery query) {
        return queries.list(query);
    }

    /** Rows per state, every state present (0 when none). */
    public Map<SyncState, Long> countsByState() {
        return queries.countsByState();
    }

    /** Orders synced per UTC day over the last {@code days} days, oldest first. */
    public List<DayCount> syncedPerDay(int days) {
        return queries.syncedPerDay(days);
    }

    /** Age of the oldest row still to do (pending or sending), measured from when it was queued. */
    public Duration lag() {
        return queries.lag();
    }
}
