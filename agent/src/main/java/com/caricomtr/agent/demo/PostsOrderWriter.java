package com.caricomtr.agent.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.caricomtr.agent.demo.DemoOrder.Refund;

/**
 * Writes orders and refunds as WooCommerce's legacy storage does: {@code shop_order}/{@code shop_order_refund} posts
 * (local and GMT dates, customer note in {@code post_excerpt}) with their values in postmeta. Used for the posts
 * layout and, identically, for the synchronised copy of an HPOS shop.
 */
final class PostsOrderWriter {
    private final ShopRows rows;
    private final StorageLayout layout;
    private final Map<String, Integer> slugsUsed = new HashMap<>();

    PostsOrderWriter(ShopRows rows, StorageLayout layout) {
        this.rows = rows;
        this.layout = layout;
    }

    void write(DemoOrder order) {
        // Posts-only shops keep the order key as the post password; HPOS's sync leaves it empty (seen in 9.9).
        String password = layout.hposAuthoritative() ? "" : order.orderKey();
        rows.post(order.id(), DemoDates.local(order.created()), DemoDates.gmt(order.created()),
                DemoDates.local(order.updated()), DemoDates.gmt(order.updated()),
                "Order &ndash; " + DemoDates.titleDate(order.created()), order.customerNote(), "wc-" + order.status(),
                "open", password, uniqueSlug("order-" + DemoDates.slugDate(order.created())), 0,
                ShopRows.SITE_URL + "/?post_type=shop_order&#038;p=" + order.id(), "shop_order");
        orderMeta(order).forEach((key, value) -> rows.postmeta.add(order.id(), key, value));
        order.refunds().forEach(refund -> refund(order, refund));
    }

    private Map<String, String> orderMeta(DemoOrder order) {
        Buyer buyer = order.buyer();
        OrderMeta.Flags flags = OrderMeta.Flags.of(order.status());
        DemoOrder.Amounts amounts = order.amounts();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("_order_key", order.orderKey());
        meta.put("_customer_user", Long.toString(buyer.userId()));
        meta.put("_created_via", order.createdVia());
        meta.put("_download_permissions_granted", yesNo(flags.downloadsGranted()));
        meta.put("_recorded_sales", yesNo(flags.salesRecorded()));
        meta.put("_recorded_coupon_usage_counts", yesNo(flags.couponUsagesCounted()));
        meta.put("_new_order_email_sent", Boolean.toString(flags.newOrderEmailSent()));
        meta.put("_order_stock_reduced", yesNo(flags.stockReduced()));
        meta.put("_billing_email", buyer.billing().email());
        meta.put("_order_currency", "TRY");
        meta.put("_cart_discount", WooMath.php(amounts.discountTotal()));
        meta.put("_cart_discount_tax", WooMath.php(amounts.discountTax()));
        meta.put("_order_shipping", WooMath.php(amounts.shippingTotal()));
        meta.put("_order_shipping_tax", WooMath.php(amounts.shippingTax()));
        meta.put("_order_tax", WooMath.php(amounts.cartTax()));
        meta.put("_order_total", WooMath.fixed2(amounts.total()));
        meta.put("_order_version", OrderPlanner.WOOCOMMERCE_VERSION);
        meta.put("_prices_include_tax", yesNo(order.pricesIncludeTax()));
        meta.put("_billing_address_index", OrderMeta.addressIndex(buyer.billing(), true));
        meta.put("_shipping_address_index", OrderMeta.addressIndex(buyer.shipping(), false));
        Map<String, String> billing = OrderMeta.addressMeta("billing", buyer.billing());
        billing.remove("_billing_email"); // already above, where WooCommerce writes it first
        meta.putAll(billing);
        meta.putAll(OrderMeta.addressMeta("shipping", buyer.shipping()));
        meta.putAll(OrderMeta.taxIdentity(buyer));
        if (!order.payment().method().isEmpty()) {
            meta.put("_payment_method", order.payment().method());
            meta.put("_payment_method_title", order.payment().title());
        }
        meta.put("_customer_ip_address", order.ipAddress());
        meta.put("_customer_user_agent", order.userAgent());
        if (!order.transactionId().isEmpty()) {
            meta.put("_transaction_id", order.transactionId());
        }
        if (order.completed() != null) {
            meta.put("_date_completed", DemoDates.unix(order.completed()));
        }
        if (order.paid() != null) {
            meta.put("_date_paid", DemoDates.unix(order.paid()));
            meta.put("_paid_date", DemoDates.local(order.paid()));
        }
        if (order.completed() != null) {
            meta.put("_completed_date", DemoDates.local(order.completed()));
        }
        return meta;
    }

    private void refund(DemoOrder order, Refund refund) {
        String local = DemoDates.local(refund.created());
        String gmt = DemoDates.gmt(refund.created());
        boolean legacy = !layout.hposAuthoritative();
        String title = legacy ? "Refund &ndash; " + DemoDates.titleDate(refund.created()) : "";
        String name = legacy ? uniqueSlug("refund-" + DemoDates.slugDate(refund.created()))
                : Long.toString(refund.id());
        rows.post(refund.id(), local, gmt, local, gmt, title, "", "wc-completed", "closed", "", name, order.id(),
                ShopRows.SITE_URL + "/?post_type=shop_order_refund&#038;p=" + refund.id(), "shop_order_refund");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("_order_currency", "TRY");
        meta.put("_cart_discount", "0");
        meta.put("_cart_discount_tax", "0");
        meta.put("_order_shipping", WooMath.php(refund.amounts().shippingTotal()));
        meta.put("_order_shipping_tax", WooMath.php(refund.amounts().shippingTax()));
        meta.put("_order_tax", WooMath.php(refund.amounts().cartTax()));
        meta.put("_order_total", WooMath.fixed2(refund.amounts().total()));
        meta.put("_order_version", OrderPlanner.WOOCOMMERCE_VERSION);
        meta.put("_prices_include_tax", yesNo(order.pricesIncludeTax()));
        meta.put("_refund_amount", WooMath.fixed2(refund.amount()));
        meta.put("_refunded_by", "1");
        meta.put("_refunded_payment", "");
        meta.put("_refund_reason", refund.reason());
        meta.forEach((key, value) -> rows.postmeta.add(refund.id(), key, value));
    }

    /** WordPress makes post slugs unique by appending -2, -3, ... */
    private String uniqueSlug(String slug) {
        int seen = slugsUsed.merge(slug, 1, Integer::sum);
        return seen == 1 ? slug : slug + "-" + seen;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
