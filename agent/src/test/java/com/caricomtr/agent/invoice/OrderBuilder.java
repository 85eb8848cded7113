package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.Address;
import com.caricomtr.agent.woo.FeeLine;
import com.caricomtr.agent.woo.LineItem;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderTotals;
import com.caricomtr.agent.woo.Problem;
import com.caricomtr.agent.woo.Refund;
import com.caricomtr.agent.woo.ShippingLine;
import com.caricomtr.agent.woo.TaxAmounts;
import com.caricomtr.agent.woo.TaxIdentity;
import com.caricomtr.agent.woo.TaxLine;

/**
 * Hand-built WooCommerce orders shaped like the fixture store's (rates 1 = KDV 20%, 2 = KDV 10%, 3 = KDV 1%;
 * amounts as strings exactly as WooCommerce stores them), until the reader can load the real ones.
 */
final class OrderBuilder {
    static final long KDV20 = 1;
    static final long KDV10 = 2;
    static final long KDV1 = 3;
    static final Address AYSE = new Address("Ayşe", "Yılmaz", "", "Bağdat Caddesi No:12 D:4", "", "Kadıköy", "TR34",
            "34710", "TR", "ayse.yilmaz@example.test", "+90 532 111 22 33");

    private final long id;
    private String number;
    private String currency = "TRY";
    private boolean pricesIncludeTax = true;
    private Instant createdAt = Instant.parse("2025-01-07T20:59:00Z");
    private Address billing = AYSE;
    private TaxIdentity taxIdentity = new TaxIdentity("12345678950", "", "");
    private final List<LineItem> items = new ArrayList<>();
    private final List<ShippingLine> shipping = new ArrayList<>();
    private final List<FeeLine> fees = new ArrayList<>();
    private final List<TaxLine> taxLines = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private BigDecimal total = BigDecimal.ZERO;
    private long nextItemId = 1;

    private OrderBuilder(long id) {
        this.id = id;
        this.number = Long.toString(id);
    }

    static OrderBuilder order(long id) {
        return new OrderBuilder(id);
    }

    OrderBuilder number(String orderNumber) {
        this.number = orderNumber;
        return this;
    }

    OrderBuilder currency(String code) {
        this.currency = code;
        return this;
    }

    OrderBuilder pricesIncludeTax(boolean include) {
        this.pricesIncludeTax = include;
        return this;
    }

    OrderBuilder createdAt(String instant) {
        this.createdAt = instant == null ? null : Instant.parse(instant);
        return this;
    }

    OrderBuilder billing(Address address) {
        this.billing = address;
        return this;
    }

    OrderBuilder taxIdentity(String tckn, String vkn, String taxOffice) {
        this.taxIdentity = new TaxIdentity(tckn, vkn, taxOffice);
        return this;
    }

    OrderBuilder item(String name, String qty, String total, long rateId, String tax) {
        return discountedItem(name, qty, total, total, rateId, tax);
    }

    /** A line a coupon reduced: {@code total < subtotal}; the subtotal tax is scaled alike. */
    OrderBuilder discountedItem(String name, String qty, String subtotal, String total, long rateId, String tax) {
        BigDecimal t = new BigDecimal(tax);
        BigDecimal subtotalTax = new BigDecimal(total).signum() == 0 ? t
                : t.multiply(new BigDecimal(subtotal)).divide(new BigDecimal(total), 6, RoundingMode.HALF_UP);
        return item(name, qty, subtotal, total, taxes(rateId, t), taxes(rateId, subtotalTax), lineTax(t));
    }

    /** A line with any tax data, e.g. several rates. */
    OrderBuilder item(String name, String qty, String total, TaxAmounts taxes) {
        return item(name, qty, total, total, taxes, taxes, lineTax(taxes.sum()));
    }

    OrderBuilder untaxedItem(String name, String qty, String total) {
        return item(name, qty, total, total, TaxAmounts.NONE, TaxAmounts.NONE, BigDecimal.ZERO);
    }

    OrderBuilder item(String name, String qty, String subtotal, String total, TaxAmounts taxes,
                      TaxAmounts subtotalTaxes, BigDecimal totalTax) {
        items.add(new LineItem(nextItemId++, name, 10, 0, "SKU-" + items.size(), new BigDecimal(qty), "",
                new BigDecimal(subtotal), lineTax(subtotalTaxes.sum()), new BigDecimal(total), totalTax, taxes,
                subtotalTaxes));
        return this;
    }

    OrderBuilder shipping(String name, String cost, long rateId, String tax) {
        shipping.add(new ShippingLine(nextItemId++, name, "flat_rate", "1", new BigDecimal(cost),
                lineTax(new BigDecimal(tax)), taxes(rateId, new BigDecimal(tax))));
        return this;
    }

    OrderBuilder untaxedShipping(String name, String cost) {
        shipping.add(new ShippingLine(nextItemId++, name, "flat_rate", "1", new BigDecimal(cost), BigDecimal.ZERO,
                TaxAmounts.NONE));
        return this;
    }

    /** A fee with its tax per rate id; an empty map is an untaxed fee. */
    OrderBuilder fee(String name, String total, Map<Long, String> taxesByRate) {
        Map<Long, BigDecimal> taxes = new LinkedHashMap<>();
        taxesByRate.forEach((rate, tax) -> taxes.put(rate, new BigDecimal(tax)));
        TaxAmounts amounts = new TaxAmounts(taxes);
        fees.add(new FeeLine(nextItemId++, name, "", taxes.isEmpty() ? "none" : "taxable", new BigDecimal(total),
                lineTax(amounts.sum()), amounts));
        return this;
    }

    /** A tax line of the fixture store's rates 1, 2 or 3. */
    OrderBuilder taxLine(long rateId, String taxAmount, String shippingTaxAmount) {
        String percent = rateId == KDV20 ? "20" : rateId == KDV10 ? "10" : rateId == KDV1 ? "1" : null;
        return taxLine(rateId, percent, false, taxAmount, shippingTaxAmount);
    }

    OrderBuilder taxLine(long rateId, String percent, boolean compound, String taxAmount, String shippingTaxAmount) {
        taxLines.add(new TaxLine(nextItemId++, rateId, "TR-KDV " + percent + "%-1", "KDV " + percent + "%", compound,
                new BigDecimal(taxAmount), new BigDecimal(shippingTaxAmount),
                percent == null ? null : new BigDecimal(percent)));
        return this;
    }

    OrderBuilder refund(String amount) {
        refunds.add(new Refund(1000 + refunds.size(), new BigDecimal(amount), "", createdAt, null, List.of(),
                List.of(), List.of()));
        return this;
    }

    OrderBuilder total(String orderTotal) {
        this.total = new BigDecimal(orderTotal);
        return this;
    }

    Order build() {
        BigDecimal cartTax = taxLines.stream().map(TaxLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingTax = taxLines.stream().map(TaxLine::shippingTaxAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingTotal = shipping.stream().map(ShippingLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = items.stream().map(i -> i.subtotal().subtract(i.total()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderTotals totals = new OrderTotals(total, cartTax, shippingTotal, shippingTax, discount, BigDecimal.ZERO);
        return new Order(id, number, refunds.isEmpty() ? "completed" : "refunded", currency, pricesIncludeTax,
                createdAt, createdAt, createdAt, createdAt, 2, billing, billing, "bacs", "Banka Havalesi / EFT", "",
                "", taxIdentity, totals, List.copyOf(items), List.copyOf(shipping), List.copyOf(fees), List.of(),
                List.copyOf(taxLines), List.copyOf(refunds), List.<Problem>of());
    }

    private static TaxAmounts taxes(long rateId, BigDecimal tax) {
        return new TaxAmounts(Map.of(rateId, tax));
    }

    /** {@code _line_tax} as WooCommerce stores it: the rounded sum of the rates' taxes. */
    private static BigDecimal lineTax(BigDecimal tax) {
        return tax.setScale(2, RoundingMode.HALF_UP);
    }
}
