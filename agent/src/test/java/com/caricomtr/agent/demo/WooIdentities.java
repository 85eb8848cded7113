package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caricomtr.agent.demo.StoredOrders.Header;
import com.caricomtr.agent.demo.StoredOrders.Item;

/**
 * The money identities WooCommerce 9.9's stored orders satisfy, written independently of the generator and checked
 * against the real fixtures as well as generated shops. "round" is half-up to 2 decimals; "roundTax" is
 * {@code wc_round_tax_total()}: 2 decimals, half-down when the store option says prices include tax, else half-up.
 *
 * <ul>
 *     <li>line/fee {@code _line_tax} = Σ roundTax(tax per rate); {@code _line_subtotal_tax} likewise; shipping
 *     {@code total_tax} likewise;</li>
 *     <li>tax line {@code tax_amount} = Σ over lines and fees of roundTax(their tax for the rate);
 *     {@code shipping_tax_amount} likewise over shipping lines; order tax / shipping tax = Σ over tax lines;</li>
 *     <li>shipping total = Σ round(cost);</li>
 *     <li>order total = round(Σ round(line total) + Σ fee total + shipping total + cart tax + shipping tax);</li>
 *     <li>discount = round(Σ round(line subtotal) − Σ round(line total)); discount tax = roundTax(Σ subtotal tax
 *     − Σ total tax, both unrounded per rate);</li>
 *     <li>refund total = −{@code _refund_amount}; a refund with lines refunds exactly their amounts and taxes;
 *     an order's refunds never exceed its total;</li>
 *     <li>serialized string lengths are UTF-8 byte counts.</li>
 * </ul>
 */
final class WooIdentities {
    private static final Pattern TAX_ARRAY = Pattern.compile(
            "s:\\d+:\"(total|subtotal)\";a:\\d+:\\{((?:i:\\d+;s:\\d+:\"[^\"]*\";)*)\\}");
    private static final Pattern TAX_ENTRY = Pattern.compile("i:(\\d+);s:\\d+:\"([^\"]*)\";");
    private static final Pattern SERIALIZED_STRING = Pattern.compile("s:(\\d+):\"");

    private final RoundingMode taxRounding;
    private final List<String> violations = new ArrayList<>();

    private WooIdentities(boolean storePricesIncludeTax) {
        this.taxRounding = storePricesIncludeTax ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP;
    }

    /** Every identity that does not hold, one line each naming the order, or an empty list. */
    static List<String> violations(StoredOrders orders) {
        WooIdentities check = new WooIdentities(orders.storePricesIncludeTax());
        Map<Long, BigDecimal> refunded = new TreeMap<>();
        for (Header h : orders.headers().values()) {
            List<Item> items = orders.items().getOrDefault(h.id(), List.of());
            check.order(h, items);
            if (h.isRefund()) {
                refunded.merge(h.parentId(), h.refundAmount(), BigDecimal::add);
            }
        }
        refunded.forEach((parent, amount) -> {
            Header order = orders.headers().get(parent);
            if (order == null || amount.compareTo(order.total()) > 0) {
                check.fail(parent, "refunds " + amount + " exceed the order total "
                        + (order == null ? "(order missing)" : order.total()));
            }
        });
        return check.violations;
    }

    private void order(Header h, List<Item> items) {
        BigDecimal cartTotal = BigDecimal.ZERO;
        BigDecimal cartSubtotal = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal rawSubtotalTax = BigDecimal.ZERO;
        BigDecimal rawTotalTax = BigDecimal.ZERO;
        BigDecimal refundedParts = BigDecimal.ZERO;
        Map<Integer, BigDecimal> cartByRate = new LinkedHashMap<>();
        Map<Integer, BigDecimal> shippingByRate = new LinkedHashMap<>();
        Map<Integer, BigDecimal[]> taxLines = new LinkedHashMap<>();
        for (Item item : items) {
            item.meta().values().forEach(v -> byteLengths(h.id(), item, v));
            switch (item.type()) {
                case "line_item", "fee" -> {
                    Map<String, Map<Integer, BigDecimal>> data = taxData(item.meta().get("_line_tax_data"));
                    Map<Integer, BigDecimal> total = data.getOrDefault("total", Map.of());
                    expect(h, item, "_line_tax", sumRounded(total), item.decimal("_line_tax"));
                    total.forEach((rate, tax) -> cartByRate.merge(rate, roundTax(tax), BigDecimal::add));
                    BigDecimal lineTotal = item.decimal("_line_total");
                    refundedParts = refundedParts.add(lineTotal).add(item.decimal("_line_tax"));
                    if ("fee".equals(item.type())) {
                        fees = fees.add(lineTotal);
                    } else {
                        Map<Integer, BigDecimal> subtotal = data.getOrDefault("subtotal", Map.of());
                        expect(h, item, "_line_subtotal_tax", sumRounded(subtotal), item.decimal("_line_subtotal_tax"));
                        cartTotal = cartTotal.add(round(lineTotal));
                        cartSubtotal = cartSubtotal.add(round(item.decimal("_line_subtotal")));
                        rawSubtotalTax = rawSubtotalTax.add(sum(subtotal));
                        rawTotalTax = rawTotalTax.add(sum(total));
                    }
                }
                case "shipping" -> {
                    Map<Integer, BigDecimal> taxes = taxData(item.meta().get("taxes")).getOrDefault("total", Map.of());
                    expect(h, item, "total_tax", sumRounded(taxes), item.decimal("total_tax"));
                    taxes.forEach((rate, tax) -> shippingByRate.merge(rate, roundTax(tax), BigDecimal::add));
                    shipping = shipping.add(round(item.decimal("cost")));
                    refundedParts = refundedParts.add(item.decimal("cost")).add(item.decimal("total_tax"));
                }
                case "tax" -> taxLines.put(Integer.parseInt(item.meta().get("rate_id")),
                        new BigDecimal[] {item.decimal("tax_amount"), item.decimal("shipping_tax_amount")});
                default -> {
                }
            }
        }
        BigDecimal cartTax = BigDecimal.ZERO;
        BigDecimal shippingTax = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal[]> line : taxLines.entrySet()) {
            int rate = line.getKey();
            same(h, "tax line for rate " + rate + " tax_amount", cartByRate.getOrDefault(rate, BigDecimal.ZERO),
                    line.getValue()[0]);
            same(h, "tax line for rate " + rate + " shipping_tax_amount",
                    shippingByRate.getOrDefault(rate, BigDecimal.ZERO), line.getValue()[1]);
            cartTax = cartTax.add(line.getValue()[0]);
            shippingTax = shippingTax.add(line.getValue()[1]);
        }
        cartByRate.keySet().forEach(rate -> {
            if (!taxLines.containsKey(rate)) {
                fail(h.id(), "items are taxed at rate " + rate + " but there is no tax line for it");
            }
        });
        same(h, "order tax (sum of tax lines)", cartTax, h.cartTax());
        same(h, "shipping tax (sum of tax lines)", shippingTax, h.shippingTax());
        same(h, "shipping total", shipping, h.shippingTotal());
        if (h.isRefund()) {
            if (h.refundAmount() == null) {
                fail(h.id(), "refund without _refund_amount");
                return;
            }
            same(h, "refund total = -_refund_amount", h.refundAmount().negate(), h.total());
            if (!items.isEmpty()) {
                same(h, "refunded lines add up to the refund total", refundedParts, h.total());
            }
            return;
        }
        same(h, "order total", round(cartTotal.add(fees).add(shipping).add(cartTax).add(shippingTax)), h.total());
        same(h, "discount total", round(cartSubtotal.subtract(cartTotal)), h.discountTotal());
        same(h, "discount tax", roundTax(rawSubtotalTax.subtract(rawTotalTax)), h.discountTax());
    }

    private void byteLengths(long orderId, Item item, String value) {
        if (value == null || !value.startsWith("a:")) {
            return;
        }
        Matcher m = SERIALIZED_STRING.matcher(value);
        while (m.find()) {
            int declared = Integer.parseInt(m.group(1));
            int start = m.end();
            byte[] rest = value.substring(start).getBytes(StandardCharsets.UTF_8);
            if (rest.length < declared + 1 || rest[declared] != '"') {
                fail(orderId, "item " + item.id() + ": serialized string length " + declared
                        + " is not the UTF-8 byte count in " + value);
                return;
            }
        }
    }

    static Map<String, Map<Integer, BigDecimal>> taxData(String serialized) {
        Map<String, Map<Integer, BigDecimal>> out = new LinkedHashMap<>();
        Matcher arrays = TAX_ARRAY.matcher(serialized == null ? "" : serialized);
        while (arrays.find()) {
            Map<Integer, BigDecimal> byRate = new LinkedHashMap<>();
            Matcher entry = TAX_ENTRY.matcher(arrays.group(2));
            while (entry.find()) {
                byRate.put(Integer.parseInt(entry.group(1)), new BigDecimal(entry.group(2)));
            }
            out.put(arrays.group(1), byRate);
        }
        return out;
    }

    private void expect(Header h, Item item, String key, BigDecimal expected, BigDecimal stored) {
        if (expected.compareTo(stored) != 0) {
            fail(h.id(), item.type() + " " + item.id() + " (" + item.name() + "): " + key + " is " + stored
                    + ", expected " + expected);
        }
    }

    private void same(Header h, String what, BigDecimal expected, BigDecimal stored) {
        if (stored == null || expected.compareTo(stored) != 0) {
            fail(h.id(), what + " is " + stored + ", expected " + expected);
        }
    }

    private void fail(long orderId, String message) {
        violations.add("order " + orderId + ": " + message);
    }

    private BigDecimal sumRounded(Map<Integer, BigDecimal> taxes) {
        return taxes.values().stream().map(this::roundTax).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal roundTax(BigDecimal v) {
        return v.setScale(2, taxRounding);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(Map<Integer, BigDecimal> taxes) {
        return taxes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
