package com.caricomtr.agent.demo;

import java.math.BigDecimal;

import com.caricomtr.agent.demo.DemoOrder.Refund;
import com.caricomtr.agent.woo.Address;

/**
 * Writes orders and refunds to WooCommerce's HPOS tables ({@code wc_orders}, {@code wc_order_addresses},
 * {@code wc_order_operational_data}, {@code wc_orders_meta}) as WooCommerce 9.9 does: empty address fields are NULL,
 * refunds are {@code wc-completed} rows of type {@code shop_order_refund} with most columns NULL.
 */
final class HposOrderWriter {
    private final ShopRows rows;

    HposOrderWriter(ShopRows rows) {
        this.rows = rows;
    }

    void write(DemoOrder order) {
        Buyer buyer = order.buyer();
        rows.orders.add(order.id(), "wc-" + order.status(), "TRY", "shop_order", order.amounts().cartTax(),
                order.amounts().total(), buyer.userId(), buyer.billing().email(), DemoDates.gmt(order.created()),
                DemoDates.gmt(order.updated()), 0L, order.payment().method(), order.payment().title(),
                order.transactionId(), order.ipAddress(), order.userAgent(), order.customerNote());
        address(order.id(), "billing", buyer.billing());
        address(order.id(), "shipping", buyer.shipping());
        OrderMeta.Flags flags = OrderMeta.Flags.of(order.status());
        rows.operationalData.add(order.id(), order.createdVia(), OrderPlanner.WOOCOMMERCE_VERSION,
                bit(order.pricesIncludeTax()), bit(flags.couponUsagesCounted()), bit(flags.downloadsGranted()), "",
                bit(flags.newOrderEmailSent()), order.orderKey(), bit(flags.stockReduced()),
                DemoDates.gmt(order.paid()), DemoDates.gmt(order.completed()), order.amounts().shippingTax(),
                order.amounts().shippingTotal(), order.amounts().discountTax(), order.amounts().discountTotal(),
                bit(flags.salesRecorded()));
        meta(order.id(), "_billing_address_index", OrderMeta.addressIndex(buyer.billing(), true));
        meta(order.id(), "_shipping_address_index", OrderMeta.addressIndex(buyer.shipping(), false));
        OrderMeta.taxIdentity(buyer).forEach((key, value) -> meta(order.id(), key, value));
        order.refunds().forEach(refund -> refund(order, refund));
    }

    private void refund(DemoOrder order, Refund refund) {
        String date = DemoDates.gmt(refund.created());
        rows.orders.add(refund.id(), "wc-completed", "TRY", "shop_order_refund", refund.amounts().cartTax(),
                refund.amounts().total(), null, null, date, date, order.id(), null, null, null, null, null, null);
        BigDecimal zero = BigDecimal.ZERO;
        rows.operationalData.add(refund.id(), null, OrderPlanner.WOOCOMMERCE_VERSION, bit(order.pricesIncludeTax()),
                null, null, null, null, null, null, null, null, refund.amounts().shippingTax(),
                refund.amounts().shippingTotal(), zero, zero, null);
        meta(refund.id(), "_refund_amount", WooMath.fixed2(refund.amount()));
        meta(refund.id(), "_refunded_by", "1");
        meta(refund.id(), "_refunded_payment", "");
        meta(refund.id(), "_refund_reason", refund.reason());
    }

    private void address(long orderId, String type, Address a) {
        rows.addresses.add(orderId, type, nullIfEmpty(a.firstName()), nullIfEmpty(a.lastName()),
                nullIfEmpty(a.company()), nullIfEmpty(a.address1()), nullIfEmpty(a.address2()), nullIfEmpty(a.city()),
                nullIfEmpty(a.state()), nullIfEmpty(a.postcode()), nullIfEmpty(a.country()), nullIfEmpty(a.email()),
                nullIfEmpty(a.phone()));
    }

    private void meta(long orderId, String key, String value) {
        rows.ordersMeta.add(orderId, key, value);
    }

    private static Integer bit(boolean b) {
        return b ? 1 : 0;
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
