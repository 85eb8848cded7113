package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.Optional;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.cari.CariFieldError;
import com.caricomtr.agent.cari.CariInvoiceRef;
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
 *     <li>Cari refuses a second invoice with the same number, and that "exists" answer is adopted as success;</li>
 *     <li>an order found in {@code sending} after a crash is looked up in Cari before anything is resent.</li>
 * </ol>
 * Every outcome is recorded only while this worker still holds the order's lease. The shop's hooks are told of each
 * attempt ({@code caricomtr_before_sync}) and of its outcome ({@code caricomtr_after_sync},
 * {@code caricomtr_sync_error}) once it is recorded, and filter the payloads right before each send.
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
            if (claim.recovered()) {
                Optional<CariInvoiceRef> existing = site.client().findInvoice(invoice.series(), invoice.number(),
                        context);
                if (existing.isPresent()) {
                    synced(claim, invoice, existing.get().id(), claim.cariCustomerId());
                    return;
                }
            }
            InvoiceDelivery.Outcome outcome = site.delivery().deliver(invoice, context,
                    customer -> hooks.customerData(site.id(), order.id(), customer),
                    fatura -> hooks.invoiceData(site.id(), order.id(), fatura));
            synced(claim, invoice, outcome.cariInvoiceId(), outcome.cariCustomerId());
        } catch (CariException e) {
            failed(claim, e);
        } catch (CustomerLockTimeout e) {
            customerBusy(claim, e);
        }
    }

    /** Another delivery held the buyer's customer too long; nothing was sent. The order waits, no attempt spent. */
    private void customerBusy(Claim claim, CustomerLockTimeout e) {
        SyncPolicy policy = site.policy();
        site.state().orders().putBack(claim, "retryable", e.getMessage(),
                Backoff.delay(1, policy.baseBackoff(), policy.maxBackoff(), null));
    }

    /** The state store counts each outcome (synced, retried, failed, needs review) in the same transaction. */
    private void synced(Claim claim, Invoice invoice, String cariInvoiceId, String cariCustomerId) {
        if (site.state().orders().markSynced(claim, cariInvoiceId)) {
            hooks.afterSync(site.id(), claim.orderId(), new SyncHooks.SyncedInvoice(cariInvoiceId, cariCustomerId,
                    invoice.series(), invoice.number()));
        }
    }

    private void failed(Claim claim, CariException e) {
        SyncPolicy policy = site.policy();
        if (e.failureClass() == FailureClass.RETRYABLE && claim.attempt() < policy.maxAttempts()) {
            Duration delay = Backoff.delay(claim.attempt(), policy.baseBackoff(), policy.maxBackoff(),
                    e.retryAfter().orElse(null));
            if (site.state().orders().markRetry(claim, "retryable", e.getMessage(), delay)) {
                hooks.syncError(site.id(), claim.orderId(), "retryable", e.getMessage());
            }
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

    private void needsReview(Claim claim, String field, String message) {
        if (site.state().orders().markNeedsReview(claim, message)) {
            site.state().errors().record(claim.orderId(), field, message, "conflict");
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
