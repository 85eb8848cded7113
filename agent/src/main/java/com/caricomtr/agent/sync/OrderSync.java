package com.caricomtr.agent.sync;

import java.time.Duration;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.cari.CariFieldError;
import com.caricomtr.agent.cari.FailureClass;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.MappingException;
import com.caricomtr.agent.sync.state.Claim;
import com.caricomtr.agent.sync.state.CustomerLockTimeout;
import com.caricomtr.agent.sync.state.InvoiceNumberTaken;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.Rejection;

/**
 * Takes one claimed order to its end state. Exactly once comes from three rules:
 * <ol>
 *     <li>the invoice number is fixed and stored before the first send, and every retry sends that number
 *     ({@link InvoiceNumbers});</li>
 *     <li>Cari refuses a second invoice with the same number, and that "exists" answer is adopted as success once
 *     the existing invoice is read back and found to be this order's (shop, order, totals); anyone else's goes to
 *     {@code needs_review}, never marked synced;</li>
 *     <li>an order found in {@code sending} after a crash is looked up in Cari before anything is resent.</li>
 * </ol>
 * Every outcome is recorded only while this worker still holds the order's lease. The shop's hooks are told of each
 * attempt ({@code caricomtr_before_sync}) and of its outcome ({@code caricomtr_after_sync},
 * {@code caricomtr_sync_error}) once it is recorded, and filter the payloads right before each send.
 *
 * <p>Only Cari's answers use up {@code sync.max-attempts}: an outcome counts as an attempt when a create was
 * written to Cari and answered, or went unanswered once written ({@link CariException#isAttempt()}). A lookup that
 * failed, a request that never left the agent, or the agent's own trouble (its database) is retried without
 * counting, and so is a claim lost to a crash, which the claim itself counts apart ({@link Claim#lostClaims()}).
 */
final class OrderSync {
    private static final System.Logger LOG = System.getLogger(OrderSync.class.getName());

    private final SiteRuntime site;
    private final SyncHooks hooks;
    private final InvoiceNumbers numbers;

    OrderSync(SiteRuntime site, SyncHooks hooks) {
        this.site = site;
        this.hooks = hooks;
        this.numbers = new InvoiceNumbers(site, hooks);
    }

    /**
     * Hands a claim back unsent, due now and not an attempt, so that the next agent (or this one restarted) takes
     * it without waiting for the lease. When even that cannot be recorded, the lease runs out as after a crash.
     */
    void giveBack(Claim claim, String why) {
        try {
            site.state().orders().markRetry(claim, "retryable", why + "; not an attempt", Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + claim.orderId()
                    + ": not given back, retried after the lease: " + e);
        }
    }

    void rejected(Claim claim, Rejection rejection) {
        hooks.beforeSync(site.id(), claim.orderId());
        fail(claim, "permanent", rejection.field(), rejection.message());
    }

    void sync(Claim claim, Order order) {
        hooks.beforeSync(site.id(), order.id());
        Invoice invoice;
        try {
            site.customers().map(order);
            invoice = numbers.invoice(claim, order);
        } catch (MappingException e) {
            fail(claim, "permanent", e.field(), e.reason());
            return;
        } catch (InvoiceNumberTaken e) {
            needsReview(claim, "invoice_number", e.getMessage());
            return;
        }
        if (invoice == null) {
            return; // lease lost while fixing the number: another worker has the order now
        }
        CariCallContext context = CariCallContext.forOrder(order.id(), claim.attempt());
        try {
            InvoiceDelivery.Outcome outcome = site.delivery().deliver(invoice, context, claim.recovered(),
                    customer -> hooks.customerData(site.id(), order.id(), customer),
                    fatura -> hooks.invoiceData(site.id(), order.id(), fatura));
            synced(outcome.attempted() ? claim.asAttempt() : claim, invoice, outcome.cariInvoiceId(),
                    outcome.cariCustomerId());
        } catch (CariException e) {
            failed(e.isAttempt() ? claim.asAttempt() : claim, e);
        } catch (ForeignInvoice e) {
            needsReview(e.afterSend() ? claim.asAttempt() : claim, "fatura_no", e.getMessage());
        } catch (CustomerLockTimeout e) {
            // Another delivery held the buyer's customer too long; nothing was sent. Not an attempt.
            retry(claim, e.getMessage(), null);
        } catch (RuntimeException e) {
            agentTrouble(claim, e);
        }
    }

    /** The state store counts each outcome (synced, retried, failed, needs review) in the same transaction. */
    private void synced(Claim claim, Invoice invoice, String cariInvoiceId, String cariCustomerId) {
        if (site.state().orders().markSynced(claim, cariInvoiceId)) {
            hooks.afterSync(site.id(), claim.orderId(), new SyncHooks.SyncedInvoice(cariInvoiceId, cariCustomerId,
                    invoice.series(), invoice.number()));
        }
    }

    private void failed(Claim claim, CariException e) {
        if (e.failureClass() == FailureClass.RETRYABLE
                && (!claim.attempted() || claim.attempt() < site.policy().maxAttempts())) {
            retry(claim, e.getMessage() + (claim.attempted() ? "" : "; not an attempt: "
                    + (e.requestWritten() ? "a lookup" : "the request never reached Cari")), e.retryAfter()
                    .orElse(null));
            return;
        }
        if (e.failureClass() == FailureClass.CONFLICT) {
            // "Exists" without the existing id: we cannot prove it is this order's invoice; a person decides.
            needsReview(claim, "invoice", e.getMessage());
            return;
        }
        String field = e.fieldErrors().stream().map(CariFieldError::field).findFirst().orElse("cari");
        String kind = e.failureClass() == FailureClass.RETRYABLE ? "retryable" : "permanent";
        fail(claim, kind, field, e.getMessage());
    }

    /**
     * The agent's own trouble mid-delivery (its database, the customer lock), not Cari's answer: tried again later
     * without counting an attempt. When even that cannot be recorded, the lease runs out and the next claim looks
     * the invoice up first.
     */
    private void agentTrouble(Claim claim, RuntimeException e) {
        try {
            retry(claim, "agent: " + e.getMessage() + "; not an attempt", null);
        } catch (RuntimeException unrecorded) {
            LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + claim.orderId()
                    + ": not recorded, retried after the lease: " + e + "; then " + unrecorded);
        }
    }

    private void retry(Claim claim, String message, Duration retryAfter) {
        SyncPolicy policy = site.policy();
        Duration delay = Backoff.delay(claim.claims(), policy.baseBackoff(), policy.maxBackoff(), retryAfter);
        if (site.state().orders().markRetry(claim, "retryable", message, delay)) {
            hooks.syncError(site.id(), claim.orderId(), "retryable", message);
        }
    }

    private void needsReview(Claim claim, String field, String message) {
        if (site.state().orders().markNeedsReview(claim, message)) {
            site.state().errors().record(claim.orderId(), field, message, "conflict");
            LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + claim.orderId()
                    + " needs review: " + field + ": " + message);
            hooks.syncError(site.id(), claim.orderId(), "conflict", message);
        }
    }

    private void fail(Claim claim, String errorClass, String field, String message) {
        if (site.state().orders().markFailed(claim, errorClass, field + ": " + message)) {
            site.state().errors().record(claim.orderId(), field, message, errorClass);
            LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + claim.orderId() + " failed: "
                    + field + ": " + message);
            hooks.syncError(site.id(), claim.orderId(), errorClass, field + ": " + message);
        }
    }
}
