package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.Address;

/**
 * One generated order with everything WooCommerce would store for it, already calculated: the writers only lay these
 * values out in the tables of the chosen {@link StorageLayout}. Amounts are exact decimals at WooCommerce's stored
 * precision; tax maps go from rate id to amount in first-seen order.
 */
record DemoOrder(long id,
                 String status,
                 String createdVia,
                 boolean pricesIncludeTax,
                 Instant created,
                 Instant updated,
                 Instant paid,
                 Instant completed,
                 Buyer buyer,
                 Address staleBilling,
                 Address staleShipping,
                 Payment payment,
                 String transactionId,
                 String ipAddress,
                 String userAgent,
                 String customerNote,
                 String orderKey,
                 Items items,
                 Amounts amounts,
                 List<Refund> refunds) {

    /** Payment gateway id and title; both empty on a zero-total order. */
    record Payment(String method, String title) {
    }

    /** The order items of an order or refund, in the order they get their ids. */
    record Items(List<ProductLine> products, List<ShippingLine> shipping, List<FeeLine> fees, List<TaxLine> taxes,
                 List<CouponLine> coupons) {
    }

    /**
     * @param refundedItemId on a refund line, the order line it gives back; 0 on an order
     */
    record ProductLine(long itemId, CatalogProduct product, int quantity, BigDecimal subtotal, BigDecimal total,
                       Map<Integer, BigDecimal> subtotalTaxes, Map<Integer, BigDecimal> totalTaxes,
                       BigDecimal subtotalTax, BigDecimal totalTax, long refundedItemId) {
    }

    record ShippingLine(long itemId, ShippingMethod method, BigDecimal cost, Map<Integer, BigDecimal> taxes,
                        BigDecimal totalTax, long refundedItemId) {
    }

    /** A fee; {@code amount} is tax-exclusive (WooCommerce fees always are) and may be negative. */
    record FeeLine(long itemId, String name, BigDecimal amount, Map<Integer, BigDecimal> taxes, BigDecimal totalTax) {
    }

    record CouponLine(long itemId, CatalogCoupon coupon, BigDecimal discount, BigDecimal discountTax) {
    }

    /** {@code taxAmount} covers items and fees, {@code shippingTaxAmount} shipping; both as WooCommerce rounded. */
    record TaxLine(long itemId, TaxRate rate, BigDecimal taxAmount, BigDecimal shippingTaxAmount) {
    }

    /**
     * The order-level figures WooCommerce stores next to the items.
     *
     * @param cartTax tax on items and fees (HPOS {@code tax_amount}, {@code _order_tax})
     */
    record Amounts(BigDecimal total, BigDecimal cartTax, BigDecimal shippingTotal, BigDecimal shippingTax,
                   BigDecimal discountTotal, BigDecimal discountTax) {
    }

    /**
     * A {@code shop_order_refund}. Its stored totals are negative; {@code amount} is the positive
     * {@code _refund_amount}.
     * An amount-only refund has no items.
     */
    record Refund(long id, long parentId, Instant created, BigDecimal amount, String reason, Items items,
                  Amounts amounts) {
    }
}
