package com.caricomtr.agent.cari;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether the invoice Cari already holds under a number is the one this order meant to send. Cari's "this number
 * exists" says nothing about whose invoice it is: two shops on one Cari company with the same series, or a number
 * taken outside the agent, would otherwise make an order adopt someone else's invoice and never be invoiced itself.
 * The shop and order ({@code dis_anahtar}), the order number, the currency and every total per KDV rate must agree.
 */
final class InvoiceMatch {
    private InvoiceMatch() {
    }

    /** Empty when {@code theirs} is {@code ours}; else what differs, with both invoices' figures. */
    static Optional<String> mismatch(CariInvoice ours, CariInvoice theirs) {
        List<String> differences = new ArrayList<>();
        text("dis_anahtar", ours.key(), theirs.key(), differences);
        text("siparis_no", ours.orderRef(), theirs.orderRef(), differences);
        text("para_birimi", ours.currency(), theirs.currency(), differences);
        money("ara_toplam", ours.subtotal(), theirs.subtotal(), differences);
        Map<BigDecimal, CariInvoice.Tax> ourTaxes = byRate(ours);
        Map<BigDecimal, CariInvoice.Tax> theirTaxes = byRate(theirs);
        for (BigDecimal rate : union(ourTaxes, theirTaxes)) {
            CariInvoice.Tax mine = ourTaxes.get(rate);
            CariInvoice.Tax other = theirTaxes.get(rate);
            String name = "kdv_toplamlari[%" + rate.toPlainString() + "]";
            money(name + ".matrah", mine == null ? null : mine.base(), other == null ? null : other.base(), differences);
            money(name + ".tutar", mine == null ? null : mine.amount(), other == null ? null : other.amount(),
                    differences);
        }
        money("kdv_toplam", ours.taxTotal(), theirs.taxTotal(), differences);
        money("genel_toplam", ours.grandTotal(), theirs.grandTotal(), differences);
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Cari's invoice " + theirs.id() + " numbered " + shown(theirs.number())
                + " is not this order's: " + String.join("; ", differences) + ". Cari holds " + figures(theirs)
                + "; this order sends " + figures(ours));
    }

    /** The figures a person compares: whose it is, and the totals per rate. */
    static String figures(CariInvoice invoice) {
        StringBuilder text = new StringBuilder()
                .append("dis_anahtar ").append(shown(invoice.key()))
                .append(", siparis_no ").append(shown(invoice.orderRef()))
                .append(", ara_toplam ").append(shown(invoice.subtotal()));
        byRate(invoice).forEach((rate, tax) -> text.append(", KDV %").append(rate.toPlainString()).append(' ')
                .append(shown(tax.base())).append(" → ").append(shown(tax.amount())));
        return text.append(", kdv_toplam ").append(shown(invoice.taxTotal()))
                .append(", genel_toplam ").append(shown(invoice.grandTotal()))
                .append(' ').append(invoice.currency() == null ? "" : invoice.currency()).toString().strip();
    }

    private static void text(String field, String ours, String theirs, List<String> differences) {
        if (!Objects.equals(blankToNull(ours), blankToNull(theirs))) {
            differences.add(field + " " + shown(theirs) + " where this order's is " + shown(ours));
        }
    }

    private static void money(String field, BigDecimal ours, BigDecimal theirs, List<String> differences) {
        boolean same = ours == null ? theirs == null : theirs != null && ours.compareTo(theirs) == 0;
        if (!same) {
            differences.add(field + " " + shown(theirs) + " where this order's is " + shown(ours));
        }
    }

    /** Rates compared by value: Cari may write {@code "20"} where we sent {@code "20.00"}. */
    private static Map<BigDecimal, CariInvoice.Tax> byRate(CariInvoice invoice) {
        Map<BigDecimal, CariInvoice.Tax> taxes = new TreeMap<>();
        for (CariInvoice.Tax tax : invoice.taxes()) {
            if (tax.rate() != null) {
                taxes.put(tax.rate().stripTrailingZeros(), tax);
            }
        }
        return taxes;
    }

    private static TreeSet<BigDecimal> union(Map<BigDecimal, ?> a, Map<BigDecimal, ?> b) {
        TreeSet<BigDecimal> rates = new TreeSet<>(a.keySet());
        rates.addAll(b.keySet());
        return rates;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String shown(Object value) {
        return value == null || value.toString().isBlank() ? "(none)"
                : value instanceof BigDecimal amount ? amount.toPlainString() : "'" + value + "'";
    }
}
