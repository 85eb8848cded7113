package com.caricomtr.agent.demo;

import java.math.BigDecimal;

import com.caricomtr.agent.demo.DemoOrder.CouponLine;
import com.caricomtr.agent.demo.DemoOrder.FeeLine;
import com.caricomtr.agent.demo.DemoOrder.Items;
import com.caricomtr.agent.demo.DemoOrder.ProductLine;
import com.caricomtr.agent.demo.DemoOrder.ShippingLine;
import com.caricomtr.agent.demo.DemoOrder.TaxLine;

/**
 * Writes order and refund items to {@code woocommerce_order_items}/{@code _itemmeta} with the meta keys and value
 * formats WooCommerce 9.9 uses; these tables are the same in every storage layout.
 */
final class OrderItemsWriter {
    private final ShopRows rows;

    OrderItemsWriter(ShopRows rows) {
        this.rows = rows;
    }

    void write(long orderId, Items items) {
        items.products().forEach(p -> product(orderId, p));
        items.shipping().forEach(s -> shipping(orderId, s));
        items.fees().forEach(f -> fee(orderId, f));
        items.taxes().forEach(t -> tax(orderId, t));
        items.coupons().forEach(c -> coupon(orderId, c));
    }

    private void product(long orderId, ProductLine line) {
        long id = line.itemId();
        rows.orderItems.add(id, line.product().name(), "line_item", orderId);
        meta(id, "_product_id", Long.toString(line.product().lineProductId()));
        meta(id, "_variation_id", Long.toString(line.product().lineVariationId()));
        meta(id, "_qty", Integer.toString(line.quantity()));
        meta(id, "_tax_class", line.product().taxClass());
        meta(id, "_line_subtotal", WooMath.php(line.subtotal()));
        meta(id, "_line_subtotal_tax", WooMath.php(line.subtotalTax()));
        meta(id, "_line_total", WooMath.php(line.total()));
        meta(id, "_line_tax", WooMath.php(line.totalTax()));
        meta(id, "_line_tax_data", PhpSerialized.lineTaxData(line.totalTaxes(), line.subtotalTaxes()));
        if (line.refundedItemId() != 0) {
            meta(id, "_refunded_item_id", Long.toString(line.refundedItemId()));
        } else if (line.product().isVariation()) {
            // The chosen attribute, shown on invoices and e-mails, e.g. beden = M.
            meta(id, line.product().attribute(), line.product().attributeValue());
        }
    }

    private void shipping(long orderId, ShippingLine line) {
        long id = line.itemId();
        rows.orderItems.add(id, line.method().name(), "shipping", orderId);
        meta(id, "method_id", line.method().methodId());
        meta(id, "instance_id", Integer.toString(line.method().instanceId()));
        meta(id, "cost", cost(line));
        meta(id, "total_tax", WooMath.php(line.totalTax()));
        meta(id, "taxes", PhpSerialized.totalOnly(line.taxes()));
        if (line.refundedItemId() != 0) {
            meta(id, "_refunded_item_id", Long.toString(line.refundedItemId()));
        }
    }

    /** An order keeps the rate's configured cost text ({@code 49.90}, {@code 0}); a refund stores a float. */
    private static String cost(ShippingLine line) {
        BigDecimal cost = line.cost();
        return line.refundedItemId() != 0 || cost.signum() == 0 ? WooMath.php(cost) : WooMath.fixed2(cost);
    }

    private void fee(long orderId, FeeLine fee) {
        long id = fee.itemId();
        rows.orderItems.add(id, fee.name(), "fee", orderId);
        meta(id, "_fee_amount", WooMath.php(fee.amount()));
        meta(id, "_tax_class", DemoCatalog.STANDARD);
        meta(id, "_tax_status", "taxable");
        meta(id, "_line_total", WooMath.php(fee.amount()));
        meta(id, "_line_tax", WooMath.php(fee.totalTax()));
        meta(id, "_line_tax_data", PhpSerialized.totalOnly(fee.taxes()));
    }

    private void tax(long orderId, TaxLine line) {
        long id = line.itemId();
        rows.orderItems.add(id, line.rate().code(), "tax", orderId);
        meta(id, "rate_id", Integer.toString(line.rate().id()));
        meta(id, "label", line.rate().name());
        meta(id, "compound", ""); // PHP false
        meta(id, "tax_amount", WooMath.php(line.taxAmount()));
        meta(id, "shipping_tax_amount", WooMath.php(line.shippingTaxAmount()));
        meta(id, "rate_percent", WooMath.php(line.rate().percent()));
    }

    private void coupon(long orderId, CouponLine line) {
        long id = line.itemId();
        rows.orderItems.add(id, line.coupon().code(), "coupon", orderId);
        meta(id, "discount_amount", WooMath.php(line.discount()));
        meta(id, "discount_amount_tax", WooMath.php(line.discountTax()));
        meta(id, "coupon_info", line.coupon().couponInfo());
    }

    private void meta(long itemId, String key, String value) {
        rows.orderItemMeta.add(itemId, key, value);
    }
}
