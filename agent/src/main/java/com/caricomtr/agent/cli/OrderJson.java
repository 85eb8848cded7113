package com.caricomtr.agent.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.Address;
import com.caricomtr.agent.woo.CouponLine;
import com.caricomtr.agent.woo.FeeLine;
import com.caricomtr.agent.woo.LineItem;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderTotals;
import com.caricomtr.agent.woo.Problem;
import com.caricomtr.agent.woo.Refund;
import com.caricomtr.agent.woo.Rejection;
import com.caricomtr.agent.woo.ShippingLine;
import com.caricomtr.agent.woo.TaxAmounts;
import com.caricomtr.agent.woo.TaxLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Orders as support staff see them: every field the agent read, keys in a fixed order, amounts as decimal strings
 * exactly as stored (never floats), dates in ISO-8601 UTC. Written by hand rather than by reflection so that the
 * output stays diff-able across versions.
 */
public final class OrderJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OrderJson() {
    }

    public static ObjectNode order(Order o) {
        ObjectNode n = F.objectNode();
        n.put("id", o.id());
        n.put("number", o.number());
        n.put("status", o.status());
        n.put("currency", o.currency());
        n.put("prices_include_tax", o.pricesIncludeTax());
        n.put("date_created", date(o.createdAt()));
        n.put("date_modified", date(o.updatedAt()));
        n.put("date_paid", date(o.paidAt()));
        n.put("date_completed", date(o.completedAt()));
        n.put("customer_id", o.customerId());
        n.set("billing", address(o.billing()));
        n.set("shipping", address(o.shipping()));
        n.put("payment_method", o.paymentMethod());
        n.put("payment_method_title", o.paymentMethodTitle());
        n.put("transaction_id", o.transactionId());
        n.put("customer_note", o.customerNote());
        ObjectNode tax = n.putObject("tax_identity");
        tax.put("tckn", o.taxIdentity().tckn());
        tax.put("vkn", o.taxIdentity().vkn());
        tax.put("tax_office", o.taxIdentity().taxOffice());
        n.set("totals", totals(o.totals()));
        n.set("line_items", array(o.lineItems(), OrderJson::lineItem));
        n.set("shipping_lines", array(o.shippingLines(), OrderJson::shippingLine));
        n.set("fee_lines", array(o.feeLines(), OrderJson::feeLine));
        n.set("coupon_lines", array(o.couponLines(), OrderJson::couponLine));
        n.set("tax_lines", array(o.taxLines(), OrderJson::taxLine));
        n.set("refunds", array(o.refunds(), OrderJson::refund));
        n.set("problems", array(o.problems(), OrderJson::problem));
        return n;
    }

    public static ObjectNode rejection(Rejection r) {
        ObjectNode n = F.objectNode();
        n.put("id", r.orderId());
        n.put("field", r.field());
        n.put("error", r.message());
        return n;
    }

    public static ObjectNode problem(Problem p) {
        ObjectNode n = F.objectNode();
        n.put("field", p.field());
        n.put("message", p.message());
        return n;
    }

    private static ObjectNode address(Address a) {
        ObjectNode n = F.objectNode();
        n.put("first_name", a.firstName());
        n.put("last_name", a.lastName());
        n.put("company", a.company());
        n.put("address_1", a.address1());
        n.put("address_2", a.address2());
        n.put("city", a.city());
        n.put("state", a.state());
        n.put("postcode", a.postcode());
        n.put("country", a.country());
        n.put("email", a.email());
        n.put("phone", a.phone());
        return n;
    }

    private static ObjectNode totals(OrderTotals t) {
        ObjectNode n = F.objectNode();
        n.put("total", money(t.total()));
        n.put("cart_tax", money(t.cartTax()));
        n.put("shipping_total", money(t.shippingTotal()));
        n.put("shipping_tax", money(t.shippingTax()));
        n.put("discount_total", money(t.discountTotal()));
        n.put("discount_tax", money(t.discountTax()));
        return n;
    }

    private static ObjectNode lineItem(LineItem l) {
        ObjectNode n = F.objectNode();
        n.put("id", l.itemId());
        n.put("name", l.name());
        n.put("product_id", l.productId());
        n.put("variation_id", l.variationId());
        n.put("sku", l.sku());
        n.put("quantity", money(l.quantity()));
        n.put("tax_class", l.taxClass());
        n.put("subtotal", money(l.subtotal()));
        n.put("subtotal_tax", money(l.subtotalTax()));
        n.put("total", money(l.total()));
        n.put("total_tax", money(l.totalTax()));
        n.set("taxes", taxes(l.taxes()));
        n.set("subtotal_taxes", taxes(l.subtotalTaxes()));
        return n;
    }

    private static ObjectNode shippingLine(ShippingLine l) {
        ObjectNode n = F.objectNode();
        n.put("id", l.itemId());
        n.put("method_title", l.name());
        n.put("method_id", l.methodId());
        n.put("instance_id", l.instanceId());
        n.put("total", money(l.total()));
        n.put("total_tax", money(l.totalTax()));
        n.set("taxes", taxes(l.taxes()));
        return n;
    }

    private static ObjectNode feeLine(FeeLine l) {
        ObjectNode n = F.objectNode();
        n.put("id", l.itemId());
        n.put("name", l.name());
        n.put("tax_class", l.taxClass());
        n.put("tax_status", l.taxStatus());
        n.put("total", money(l.total()));
        n.put("total_tax", money(l.totalTax()));
        n.set("taxes", taxes(l.taxes()));
        return n;
    }

    private static ObjectNode couponLine(CouponLine l) {
        ObjectNode n = F.objectNode();
        n.put("id", l.itemId());
        n.put("code", l.code());
        n.put("discount", money(l.discount()));
        n.put("discount_tax", money(l.discountTax()));
        return n;
    }

    private static ObjectNode taxLine(TaxLine l) {
        ObjectNode n = F.objectNode();
        n.put("id", l.itemId());
        n.put("rate_id", l.rateId());
        n.put("rate_code", l.rateCode());
        n.put("label", l.label());
        n.put("compound", l.compound());
        n.put("tax_total", money(l.taxAmount()));
        n.put("shipping_tax_total", money(l.shippingTaxAmount()));
        n.put("rate_percent", l.ratePercent() == null ? null : money(l.ratePercent()));
        return n;
    }

    private static ObjectNode refund(Refund r) {
        ObjectNode n = F.objectNode();
        n.put("id", r.id());
        n.put("amount", money(r.amount()));
        n.put("reason", r.reason());
        n.put("date_created", date(r.createdAt()));
        n.set("totals", totals(r.totals()));
        n.set("line_items", array(r.lineItems(), OrderJson::lineItem));
        n.set("shipping_lines", array(r.shippingLines(), OrderJson::shippingLine));
        n.set("fee_lines", array(r.feeLines(), OrderJson::feeLine));
        return n;
    }

    private static ArrayNode taxes(TaxAmounts taxes) {
        ArrayNode a = F.arrayNode();
        for (Map.Entry<Long, BigDecimal> e : taxes.byRateId().entrySet()) {
            ObjectNode n = a.addObject();
            n.put("rate_id", e.getKey());
            n.put("amount", money(e.getValue()));
        }
        return a;
    }

    private static <T> ArrayNode array(List<T> items, java.util.function.Function<T, ? extends JsonNode> f) {
        ArrayNode a = F.arrayNode();
        items.forEach(i -> a.add(f.apply(i)));
        return a;
    }

    private static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static String date(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
