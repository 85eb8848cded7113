package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.caricomtr.agent.demo.DemoOrder.Amounts;
import com.caricomtr.agent.demo.DemoOrder.Items;
import com.caricomtr.agent.demo.DemoOrder.ProductLine;
import com.caricomtr.agent.demo.DemoOrder.Refund;
import com.caricomtr.agent.demo.DemoOrder.ShippingLine;
import com.caricomtr.agent.demo.DemoOrder.TaxLine;

/**
 * Refunds as {@code wc_create_refund()} stores them when the shop manager refunds from the order screen: refunded
 * lines carry negative quantities and amounts rounded to kuruş, the refund's tax lines sum them per rate, and the
 * refund total is minus the refunded amount (which an amount-only refund states without any lines).
 */
final class RefundCalculator {
    private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

    private final OrderCalculator orders;

    RefundCalculator(OrderCalculator orders) {
        this.orders = orders;
    }

    /** Money only: a goodwill gesture, or the refund WooCommerce creates itself when an order is set refunded. */
    Refund amountOnly(long id, long parentId, Instant created, BigDecimal amount, String reason) {
        Items none = new Items(List.of(), List.of(), List.of(), List.of(), List.of());
        BigDecimal zero = BigDecimal.ZERO;
        return new Refund(id, parentId, created, WooMath.money(amount), reason, none,
                new Amounts(WooMath.money(amount).negate(), zero, zero, zero, zero, zero));
    }

    /**
     * Gives back {@code quantity} units of each listed product line (the admin screen's proportional amounts) and the
     * listed shipping lines in full.
     */
    Refund lines(long id, long parentId, Instant created, String reason, Map<ProductLine, Integer> quantities,
                 List<ShippingLine> shipping, LongSupplier nextItemId) {
        List<ProductLine> products = new ArrayList<>();
        quantities.forEach((line, quantity) -> products.add(refundedProduct(line, quantity, nextItemId)));
        List<ShippingLine> refundedShipping = new ArrayList<>();
        for (ShippingLine s : shipping) {
            Map<Integer, BigDecimal> taxes = negatedMoney(s.taxes(), 1, 1);
            refundedShipping.add(new ShippingLine(nextItemId.getAsLong(), s.method(), WooMath.money(s.cost()).negate(),
                    taxes, sum(taxes), s.itemId()));
        }
        List<TaxLine> taxLines = orders.taxLines(products, List.of(), refundedShipping, nextItemId);
        Items items = new Items(products, refundedShipping, List.of(), taxLines, List.of());
        Amounts computed = orders.totals(products, refundedShipping, List.of(), taxLines);
        BigDecimal amount = computed.total().negate();
        return new Refund(id, parentId, created, amount, reason, items, computed);
    }

    private static ProductLine refundedProduct(ProductLine line, int quantity, LongSupplier nextItemId) {
        BigDecimal total = share(line.total(), quantity, line.quantity()).negate();
        Map<Integer, BigDecimal> taxes = negatedMoney(line.totalTaxes(), quantity, line.quantity());
        BigDecimal tax = sum(taxes);
        return new ProductLine(nextItemId.getAsLong(), line.product(), -quantity, total, total, taxes, taxes, tax, tax,
                line.itemId());
    }

    private static Map<Integer, BigDecimal> negatedMoney(Map<Integer, BigDecimal> taxes, int quantity, int of) {
        Map<Integer, BigDecimal> out = new LinkedHashMap<>();
        taxes.forEach((rate, tax) -> out.put(rate, share(tax, quantity, of).negate()));
        return out;
    }

    /** {@code amount × quantity / of}, rounded to kuruş as the refund screen fills it in. */
    private static BigDecimal share(BigDecimal amount, int quantity, int of) {
        return WooMath.money(amount.multiply(BigDecimal.valueOf(quantity)).divide(BigDecimal.valueOf(of), DIVISION));
    }

    private static BigDecimal sum(Map<Integer, BigDecimal> taxes) {
        return taxes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
