package com.caricomtr.agent.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceNumberFormat;
import com.caricomtr.agent.sync.state.Claim;
import com.caricomtr.agent.sync.state.InvoiceNumberTaken;
import com.caricomtr.agent.sync.state.StoredInvoiceNumber;
import com.caricomtr.agent.woo.Order;

/**
 * Fixes an order's invoice number once, before its first send, and hands the same number to every later attempt.
 *
 * <p>Only the first time, the shop's {@code caricomtr_invoice_serie} and {@code caricomtr_invoice_number} filters
 * may change the series and the number. What they return is checked against the number format (a value it cannot
 * hold is ignored, with a warning), and a number another order of the site already has is not taken: the unfiltered
 * number is used instead. Retries, recovered claims and forced resends reuse the stored number without asking the
 * filters again, so a number that may have reached Cari never changes: exactly-once depends on it.
 */
final class InvoiceNumbers {
    private static final System.Logger LOG = System.getLogger(InvoiceNumbers.class.getName());

    private final SiteRuntime site;
    private final SyncHooks hooks;

    InvoiceNumbers(SiteRuntime site, SyncHooks hooks) {
        this.site = site;
        this.hooks = hooks;
    }

    /**
     * The order's invoice, carrying its fixed number; null when the lease was lost meanwhile (nothing may be sent).
     *
     * @throws InvoiceNumberTaken when even the unfiltered number belongs to another order of the site
     */
    Invoice invoice(Claim claim, Order order) {
        StoredInvoiceNumber stored = claim.invoiceNumber();
        if (stored != null) {
            return numbered(site.invoices().map(order), stored);
        }
        boolean gib = site.config().invoice().gibStyleNumber();
        Invoice mapped = site.invoices().map(order, series(order.id(), site.settings().invoiceSeries(), gib));
        StoredInvoiceNumber unfiltered = new StoredInvoiceNumber(mapped.series(), mapped.number(), mapped.sequence());
        StoredInvoiceNumber chosen = number(mapped, unfiltered, gib);
        Optional<StoredInvoiceNumber> recorded;
        try {
            recorded = site.state().orders().recordInvoiceNumber(claim, chosen);
        } catch (InvoiceNumberTaken taken) {
            if (chosen.equals(unfiltered)) {
                throw taken;
            }
            warn(order.id(), "caricomtr_invoice_number", taken.getMessage());
            recorded = site.state().orders().recordInvoiceNumber(claim, unfiltered);
        }
        return recorded.map(number -> numbered(mapped, number)).orElse(null);
    }

    private String series(long orderId, String configured, boolean gib) {
        String filtered = hooks.invoiceSeries(site.id(), orderId, configured);
        if (filtered == null || filtered.equals(configured)) {
            return configured;
        }
        if (InvoiceNumberFormat.isSeries(filtered, gib)) {
            return filtered;
        }
        warn(orderId, "caricomtr_invoice_serie", shown(filtered) + " is not a series: " + (gib
                ? "exactly 3 of A-Z and 0-9 for GİB-style numbers" : "1-16 letters, digits, '-' or '_'"));
        return configured;
    }

    private StoredInvoiceNumber number(Invoice mapped, StoredInvoiceNumber unfiltered, boolean gib) {
        String filtered = hooks.invoiceNumber(site.id(), mapped.orderId(), mapped.number(), mapped.series());
        if (filtered == null || filtered.equals(mapped.number())) {
            return unfiltered;
        }
        if (gib) {
            int year = mapped.issueDate().getYear();
            OptionalLong sequence = InvoiceNumberFormat.gibSequence(filtered, mapped.series(), year);
            if (sequence.isPresent()) {
                return new StoredInvoiceNumber(mapped.series(), filtered, sequence.getAsLong());
            }
            warn(mapped.orderId(), "caricomtr_invoice_number", shown(filtered) + " is not a GİB number of series "
                    + mapped.series() + " in " + year + " (" + mapped.series() + year + " and 9 digits)");
        } else if (InvoiceNumberFormat.isPlainNumber(filtered)) {
            return new StoredInvoiceNumber(mapped.series(), filtered, mapped.sequence());
        } else {
            warn(mapped.orderId(), "caricomtr_invoice_number", shown(filtered) + " is not 1-"
                    + InvoiceNumberFormat.MAX_PLAIN_NUMBER_LENGTH + " letters, digits, '-' or '_'");
        }
        return unfiltered;
    }

    /** The invoice as mapped, carrying the fixed number: whatever mapping says now, the stored number wins. */
    private static Invoice numbered(Invoice mapped, StoredInvoiceNumber stored) {
        if (stored.number().equals(mapped.number()) && Objects.equals(stored.series(), mapped.series())) {
            return mapped;
        }
        long sequence = stored.sequence() != null ? stored.sequence() : mapped.sequence();
        return new Invoice(mapped.orderId(), mapped.orderNumber(), stored.series(), sequence, stored.number(),
                mapped.issueDate(), mapped.currency(), mapped.exchangeRate(), mapped.customer(), mapped.lines(),
                mapped.subtotal(), mapped.taxes(), mapped.taxTotal(), mapped.grandTotal(), mapped.note());
    }

    private void warn(long orderId, String hook, String problem) {
        LOG.log(System.Logger.Level.WARNING, "site " + site.id() + " order " + orderId + ": hook " + hook + ": "
                + problem + "; continuing with the unfiltered value");
    }

    /** A value from the shop, quoted and made safe for a log line. */
    private static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
