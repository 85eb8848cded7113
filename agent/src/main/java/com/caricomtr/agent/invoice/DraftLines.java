package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.FeeLine;
import com.caricomtr.agent.woo.LineItem;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.ShippingLine;
import com.caricomtr.agent.woo.TaxAmounts;

/**
 * Turns an order's product, shipping and fee lines into draft invoice lines, each with exactly one KDV rate taken
 * from WooCommerce's own per-rate tax data (never from the tax class name, which shops name as they like).
 *
 * <p>Coupons need no lines of their own: WooCommerce already took them off the line totals ({@code total <
 * subtotal}), and the discounted total is what the buyer pays and what KDV was computed on.
 */
final class DraftLines {
    /** How far a line's tax may be from net × rate: WooCommerce stores taxes to 6 decimals, so a kuruş is generous. */
    private static final BigDecimal RATE_TOLERANCE = Kurus.ONE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final long orderId;
    private final OrderTaxRates rates;

    private DraftLines(long orderId, OrderTaxRates rates) {
        this.orderId = orderId;
        this.rates = rates;
    }

    static List<DraftLine> of(Order order, OrderTaxRates rates) {
        DraftLines drafts = new DraftLines(order.id(), rates);
        List<DraftLine> lines = new ArrayList<>();
        List<LineItem> items = listOrEmpty(order.lineItems());
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            String field = "line_items[" + i + "]";
            drafts.requirePresent(item, field);
            lines.add(drafts.singleRate(LineKind.PRODUCT, field, item.name(), item.sku(),
                    drafts.require(item.quantity(), field + ".quantity"), drafts.require(item.total(), field + ".total"),
                    item.taxes(), item.totalTax()));
        }
        List<ShippingLine> shipping = listOrEmpty(order.shippingLines());
        for (int i = 0; i < shipping.size(); i++) {
            ShippingLine line = shipping.get(i);
            String field = "shipping_lines[" + i + "]";
            drafts.requirePresent(line, field);
            lines.add(drafts.singleRate(LineKind.SHIPPING, field, line.name(), "", BigDecimal.ONE,
                    drafts.require(line.total(), field + ".total"), line.taxes(), line.totalTax()));
        }
        List<FeeLine> fees = listOrEmpty(order.feeLines());
        for (int i = 0; i < fees.size(); i++) {
            FeeLine fee = fees.get(i);
            String field = "fee_lines[" + i + "]";
            drafts.requirePresent(fee, field);
            BigDecimal total = drafts.require(fee.total(), field + ".total");
            TaxAmounts taxes = fee.taxes() == null ? TaxAmounts.NONE : fee.taxes();
            if (total.signum() < 0 && !taxes.isEmpty()) {
                lines.addAll(NegativeFeeSplit.split(order.id(), field, nz(fee.name()), total, taxes, rates));
            } else {
                lines.add(drafts.singleRate(LineKind.FEE, field, fee.name(), "", BigDecimal.ONE, total, taxes,
                        fee.totalTax()));
            }
        }
        return lines;
    }

    private DraftLine singleRate(LineKind kind, String field, String name, String sku, BigDecimal quantity,
                                 BigDecimal net, TaxAmounts taxes, BigDecimal storedTax) {
        String label = nz(name);
        if (taxes == null || taxes.isEmpty()) {
            if (storedTax != null && storedTax.signum() != 0) {
                throw new MappingException(orderId, field + ".taxes", "tax " + storedTax.toPlainString()
                        + " is stored without a tax rate, so its KDV rate is unknown");
            }
            return DraftLine.untaxed(kind, field, label, nz(sku), quantity, net);
        }
        if (taxes.byRateId().size() > 1) {
            throw new MappingException(orderId, field + ".taxes", "taxed at several rates (ids "
                    + taxes.byRateId().keySet() + "); an invoice line carries exactly one KDV rate");
        }
        Map.Entry<Long, BigDecimal> only = taxes.byRateId().entrySet().iterator().next();
        BigDecimal tax = require(only.getValue(), field + ".taxes");
        BigDecimal percent = rates.percentOf(only.getKey(), field);
        BigDecimal expected = net.multiply(percent).divide(HUNDRED);
        if (tax.subtract(expected).abs().compareTo(RATE_TOLERANCE) > 0) {
            // Hand-edited taxes: an invoice line whose KDV is not its rate would be rejected, so say so here.
            throw new MappingException(orderId, field + ".taxes", "tax " + tax.toPlainString() + " is not "
                    + percent.toPlainString() + "% of " + net.toPlainString() + " (expected about "
                    + Kurus.round(expected).toPlainString() + ")");
        }
        return new DraftLine(kind, field, label, nz(sku), quantity, only.getKey(), percent, net, tax);
    }

    private BigDecimal require(BigDecimal value, String field) {
        if (value == null) {
            throw new MappingException(orderId, field, "missing");
        }
        return value;
    }

    private void requirePresent(Object line, String field) {
        if (line == null) {
            throw new MappingException(orderId, field, "line is missing");
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
