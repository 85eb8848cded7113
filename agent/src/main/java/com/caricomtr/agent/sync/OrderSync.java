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
import com.caricomtr.agent.sync.state.StoredInvoiceNumber;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.Rejection;

/**
 * Takes one claimed order to its end state. Exactly once comes from three rules:
 * <ol>
 *     <li>the invoice number is fixed and stored before the first send, and every retry sends that number;</li>
 *     <li>Cari refuses a second invoice with the same number, and that "exists" answer is adopted as success;</li>
 *     <li>an order found in {@code sending} after a crash is looked up in Cari before anything is resent.</li>
 * </ol>
 * Every outcome is recorded only while this worker still holds the order's lease.
 */
final class OrderSync {
    private static final System.Logger LOG = System.getLogger(OrderSync.class.getName());

    private final SiteRuntime site;

    OrderSync(SiteRuntime site) {
        this.site = site;
    }

    void rejected(Claim claim, Rejection rejection) {
        fail(claim, "permanent", rejection.field(), rejection.message());
    }

    void sync(Claim claim, Order order) {
        Invoice invoice;
        try {
            site.customers().map(order);
            invoice = withStoredNumber(claim, site.invoices().map(order));
        } catch (MappingException e) {
            fail(claim, "permanent", e.field(), e.reason());
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
                    synced(claim, existing.get().id());
                    return;
                }
            }
            InvoiceDelivery.Outcome outcome = site.delivery().deliver(invoice, context);
            synced(claim, outcome.cariInvoiceId());
        } catch (CariException e) {
            failed(claim, e);
        }
    }

    /** Fixes the number before the first send; later attempts reuse what was stored, whatever mapping says now. */
    private Invoice withStoredNumber(Claim claim, Invoice mapped) {
        StoredInvoiceNumber stored = claim.invoiceNumber();
        if (stored == null) {
            Optional<StoredInvoiceNumber> recorded = site.state().orders().recordInvoiceNumber(claim,
                    new StoredInvoiceNumber(mapped.series(), mapped.number(), mapped.sequence()));
            if (recorded.isEmpty()) {
                return null;
            }
            stored = recorded.get();
        }
        if (stored.number().equals(mapped.number()) && stored.series().equals(mapped.series())) {
            return mapped;
        }
        long sequence = stored.sequence() != null ? stored.sequence() : mapped.sequence();
        return new Invoice(mapped.orderId(), mapped.orderNumber(), stored.series(), sequence, stored.number(),
                mapped.issueDate(), mapped.currency(), mapped.exchangeRate(), mapped.customer(), mapped.lines(),
                mapped.subtotal(), mapped.taxes(), mapped.taxTotal(), mapped.grandTotal(), mapped.note());
    }

    /** The state store counts each outcome (synced, retried, failed, needs review) in the same transaction. */
    private void synced(Claim claim, String cariInvoiceId) {
        site.state().orders().markSynced(claim, cariInvoiceId);
    }

    private void failed(Claim claim, CariException e) {
        SyncPolicy policy = site.policy();
        if (e.failureClass() == FailureClass.RETRYABLE && claim.attempt() < policy.maxAttempts()) {
            Duration delay = Backoff.delay(claim.attempt(), policy.baseBackoff(), policy.maxBackoff(),
                    e.retryAfter().orElse(null));
            site.state().orders().markRetry(claim, "retryable", e.getMessage(), delay);
            return;
        }
        if (e.failureClass() == FailureClass.CONFLICT) {
            // "Exists" without the existing id: we cannot prove it is this order's invoice; a person decides.
            if (site.state().orders().markNeedsReview(claim, e.getMessage())) {
                site.state().errors().record(claim.orderId(), "invoice", e.getMessage(), "conflict");
            }
            return;
        }
        String field = e.fieldErrors().stream().map(CariFieldError::field).findFirst().orElse("cari");
        String kind = e.failureClass() == FailureClass.RETRYABLE ? "retryable" : "permanent";
        fail(claim, kind, field, e.getMessage());
    }

    private void fail(Claim claim, String errorClass, String field, String message) {
        if (site.state().orders().markFailed(claim, errorClass, field + ": " + message)) {
            site.state().errors().record(claim.orderId(), field, message, errorClass);
            LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + claim.orderId() + " failed: "
                    + field + ": " + message);
        }
    }
}
