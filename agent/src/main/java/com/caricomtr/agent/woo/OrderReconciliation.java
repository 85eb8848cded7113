package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Checks that an order's lines add up to the totals WooCommerce stored, following WooCommerce's own arithmetic
 * ({@code WC_Abstract_Order::calculate_totals} and {@code update_taxes}):
 * <ul>
 *     <li>each tax line is the sum of that rate's line taxes, each line's tax rounded to 2 decimals first, half
 *     down when the shop's prices include tax and half up otherwise ({@code wc_get_tax_rounding_mode}); or, when
 *     the shop sets "round tax at subtotal", the sum rounded once. The store-wide settings are not part of the
 *     order, so any of the three is accepted;</li>
 *     <li>the order's cart tax and shipping tax are the sums of the tax lines;</li>
 *     <li>the grand total is line totals and shipping totals each rounded to 2 decimals, plus fee totals, plus
 *     all tax, rounded to 2 decimals.</li>
 * </ul>
 * A mismatch means the stored order is inconsistent, which no invoice could honour either.
 */
public final class OrderReconciliation {
    private static final List<UnaryOperator<BigDecimal>> TAX_ROUNDINGS = List.of(
            tax -> tax.setScale(2, RoundingMode.HALF_UP),
            tax -> tax.setScale(2, RoundingMode.HALF_DOWN),
            UnaryOperator.identity());

    private OrderReconciliation() {
    }

    /** Every way the order fails to add up; empty when it reconciles to the kuruş. */
    public static List<Problem> check(Order order) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal cartTax = BigDecimal.ZERO;
        BigDecimal shippingTax = BigDecimal.ZERO;
        List<Map<Long, BigDecimal>> itemTaxes = TAX_ROUNDINGS.stream().map(r -> itemTaxes(order, r)).toList();
        List<Map<Long, BigDecimal>> shippingTaxes = TAX_ROUNDINGS.stream().map(r -> shippingTaxes(order, r)).toList();
        for (TaxLine tax : order.taxLines()) {
            String field = "tax_lines[rate " + tax.rateId() + "]";
            compare(problems, field + ".tax_amount", tax.taxAmount(), tax.rateId(), itemTaxes);
            compare(problems, field + ".shipping_tax_amount", tax.shippingTaxAmount(), tax.rateId(), shippingTaxes);
            cartTax = cartTax.add(tax.taxAmount());
            shippingTax = shippingTax.add(tax.shippingTaxAmount());
        }
        if (cartTax.compareTo(order.totals().cartTax()) != 0) {
            problems.add(new Problem("cart_tax", "the tax lines add up to " + cartTax.toPlainString()
                    + ", but the order's cart tax is " + order.totals().cartTax().toPlainString()));
        }
        if (shippingTax.compareTo(order.totals().shippingTax()) != 0) {
            problems.add(new Problem("shipping_tax", "the tax lines add up to " + shippingTax.toPlainString()
                    + ", but the order's shipping tax is " + order.totals().shippingTax().toPlainString()));
        }
        BigDecimal total = kurus(netSum(order).add(cartTax).add(shippingTax));
        if (total.compareTo(order.totals().total()) != 0) {
            problems.add(new Problem("total", "lines, shipping, fees and their taxes add up to "
                    + total.toPlainString() + ", but the order total is " + order.totals().total().toPlainString()));
        }
        return problems;
    }

    /** Line and shipping totals each rounded to kuruş as WooCommerce sums them, plus fee totals. */
    public static BigDecimal netSum(Order order) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineItem line : order.lineItems()) {
            sum = sum.add(kurus(line.total()));
        }
        for (ShippingLine line : order.shippingLines()) {
            sum = sum.add(kurus(line.total()));
        }
        for (FeeLine line : order.feeLines()) {
            sum = sum.add(line.total());
        }
        return sum;
    }

    private static Map<Long, BigDecimal> itemTaxes(Order order, UnaryOperator<BigDecimal> perLine) {
        Map<Long, BigDecimal> sums = new TreeMap<>();
        order.lineItems().forEach(l -> add(sums, l.taxes(), perLine));
        order.feeLines().forEach(l -> add(sums, l.taxes(), perLine));
        return sums;
    }

    private static Map<Long, BigDecimal> shippingTaxes(Order order, UnaryOperator<BigDecimal> perLine) {
        Map<Long, BigDecimal> sums = new TreeMap<>();
        order.shippingLines().forEach(l -> add(sums, l.taxes(), perLine));
        return sums;
    }

    private static void compare(List<Problem> problems, String field, BigDecimal stored, long rateId,
                                List<Map<Long, BigDecimal>> candidates) {
        for (Map<Long, BigDecimal> sums : candidates) {
            if (kurus(sums.getOrDefault(rateId, BigDecimal.ZERO)).compareTo(stored) == 0) {
                return;
            }
        }
        BigDecimal sum = kurus(candidates.getFirst().getOrDefault(rateId, BigDecimal.ZERO));
        problems.add(new Problem(field, "the lines' taxes of this rate add up to " + sum.toPlainString()
                + ", but the tax line says " + stored.toPlainString()));
    }

    private static void add(Map<Long, BigDecimal> sums, TaxAmounts taxes, UnaryOperator<BigDecimal> perLine) {
        taxes.byRateId().forEach((id, amount) -> sums.merge(id, perLine.apply(amount), BigDecimal::add));
    }

    private static BigDecimal kurus(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
