package com.caricomtr.agent.demo;

import java.time.Instant;

import com.caricomtr.agent.demo.DemoOrder.Refund;

/**
 * HPOS without sync: WooCommerce still reserves each order id with a {@code shop_order_placehold} post (status
 * {@code draft}) and, through {@code set_address()}, leaves {@code _billing_*}/{@code _shipping_*} postmeta on it that
 * nothing updates afterwards. We write an earlier address there on purpose, so that a reader which wrongly takes
 * addresses from postmeta in HPOS mode produces visibly wrong invoices in tests.
 */
final class PlaceholderWriter {
    private final ShopRows rows;

    PlaceholderWriter(ShopRows rows) {
        this.rows = rows;
    }

    void write(DemoOrder order) {
        placeholder(order.id(), 0, order.created());
        OrderMeta.addressMeta("billing", order.staleBilling()).forEach((k, v) -> rows.postmeta.add(order.id(), k, v));
        OrderMeta.addressMeta("shipping", order.staleShipping()).forEach((k, v) -> rows.postmeta.add(order.id(), k, v));
        for (Refund refund : order.refunds()) {
            placeholder(refund.id(), order.id(), refund.created());
        }
    }

    private void placeholder(long id, long parent, Instant created) {
        String local = DemoDates.local(created);
        String gmt = DemoDates.gmt(created);
        rows.post(id, local, gmt, local, gmt, "", "", "draft", "closed", "", "", parent,
                ShopRows.SITE_URL + "/?post_type=shop_order_placehold&p=" + id, "shop_order_placehold");
    }
}
