package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.php.PhpSerializedException;
import com.caricomtr.agent.woo.php.WooTaxData;

/** Turns an order's (or refund's) raw item rows into typed lines, recording what is odd. */
final class ItemAssembler {

    record Lines(List<LineItem> lineItems,
                 List<ShippingLine> shippingLines,
                 List<FeeLine> feeLines,
                 List<CouponLine> couponLines,
                 List<TaxLine> taxLines) {
    }

    private final Map<Long, ProductInfo> products;
    private final TaxRateTable rates;

    ItemAssembler(Map<Long, ProductInfo> products, TaxRateTable rates) {
        this.products = products;
        this.rates = rates;
    }

    /**
     * @param where     field prefix naming the owner, e.g. {@code ""} or {@code "refunds[72]."}
     * @param orderTaxLines the order's tax lines, for refunds (which carry none of their own); null for orders
     */
    Lines assemble(List<RawItem> items, String where, List<TaxLine> orderTaxLines, List<Problem> problems) {
        List<TaxLine> taxLines = new ArrayList<>();
        for (RawItem item : items) {
            if ("tax".equals(item.type)) {
                taxLines.add(taxLine(item, where + "tax_lines[" + taxLines.size() + "]"));
            }
        }
        List<TaxLine> knownTaxes = orderTaxLines != null ? orderTaxLines : taxLines;
        List<LineItem> lineItems = new ArrayList<>();
        List<ShippingLine> shipping = new ArrayList<>();
        List<FeeLine> fees = new ArrayList<>();
        List<CouponLine> coupons = new ArrayList<>();
        for (RawItem item : items) {
            switch (item.type) {
                case "line_item" -> lineItems.add(lineItem(item, where + "line_items[" + lineItems.size() + "]",
                        knownTaxes, problems));
                case "shipping" -> shipping.add(shippingLine(item, where + "shipping_lines[" + shipping.size() + "]",
                        knownTaxes, problems));
                case "fee" -> fees.add(feeLine(item, where + "fee_lines[" + fees.size() + "]", knownTaxes, problems));
                case "coupon" -> coupons.add(new CouponLine(item.id, item.name,
                        Amounts.parseOrZero(item.meta(ItemMeta.DISCOUNT_AMOUNT), where + "coupon_lines." + item.id
                                + ".discount_amount"),
                        Amounts.parseOrZero(item.meta(ItemMeta.DISCOUNT_AMOUNT_TAX), where + "coupon_lines." + item.id
                                + ".discount_amount_tax")));
                case "tax" -> { }
                default -> problems.add(new Problem(where + "items[" + item.id + "]",
                        "item type '" + item.type + "' is not an order line the agent knows; ignored"));
            }
        }
        return new Lines(List.copyOf(lineItems), List.copyOf(shipping), List.copyOf(fees), List.copyOf(coupons),
                List.copyOf(taxLines));
    }

    private LineItem lineItem(RawItem item, String field, List<TaxLine> taxLines, List<Problem> problems) {
        long productId = id(item.meta(ItemMeta.PRODUCT_ID), field + "._product_id", problems);
        long variationId = id(item.meta(ItemMeta.VARIATION_ID), field + "._variation_id", problems);
        String taxClass = text(item.meta(ItemMeta.TAX_CLASS));
        BigDecimal total = Amounts.parseRequired(item.meta(ItemMeta.LINE_TOTAL), field + "._line_total");
        BigDecimal subtotal = item.meta(ItemMeta.LINE_SUBTOTAL) == null ? total
                : Amounts.parse(item.meta(ItemMeta.LINE_SUBTOTAL), field + "._line_subtotal");
        BigDecimal totalTax = Amounts.parseOrZero(item.meta(ItemMeta.LINE_TAX), field + "._line_tax");
        BigDecimal subtotalTax = item.meta(ItemMeta.LINE_SUBTOTAL_TAX) == null ? totalTax
                : Amounts.parseOrZero(item.meta(ItemMeta.LINE_SUBTOTAL_TAX), field + "._line_subtotal_tax");
        SerializedTaxes taxData = SerializedTaxes.decode(item.meta(ItemMeta.LINE_TAX_DATA));
        TaxAmounts taxes = taxes(taxData, WooTaxData.TOTAL, totalTax, taxClass,
                field + "._line_tax_data", taxLines, problems);
        TaxAmounts subtotalTaxes = taxes(taxData, WooTaxData.SUBTOTAL, subtotalTax, taxClass,
                null, taxLines, problems);
        return new LineItem(item.id, item.name, productId, variationId, sku(productId, variationId, field, problems),
                Amounts.parseRequired(item.meta(ItemMeta.QTY), field + "._qty"), taxClass, subtotal, subtotalTax, total,
                totalTax, taxes, subtotalTaxes);
    }

    private ShippingLine shippingLine(RawItem item, String field, List<TaxLine> taxLines, List<Problem> problems) {
        BigDecimal totalTax = Amounts.parseOrZero(item.meta(ItemMeta.TOTAL_TAX), field + ".total_tax");
        return new ShippingLine(item.id, item.name, text(item.meta(ItemMeta.METHOD_ID)), text(item.meta(ItemMeta.INSTANCE_ID)),
                Amounts.parseRequired(item.meta(ItemMeta.COST), field + ".cost"), totalTax,
                taxes(SerializedTaxes.decode(item.meta(ItemMeta.TAXES)), WooTaxData.TOTAL, totalTax, "", field + ".taxes", taxLines, problems));
    }

    private FeeLine feeLine(RawItem item, String field, List<TaxLine> taxLines, List<Problem> problems) {
        String taxClass = text(item.meta(ItemMeta.TAX_CLASS));
        BigDecimal totalTax = Amounts.parseOrZero(item.meta(ItemMeta.LINE_TAX), field + "._line_tax");
        return new FeeLine(item.id, item.name, taxClass, text(item.meta(ItemMeta.TAX_STATUS)),
                Amounts.parseRequired(item.meta(ItemMeta.LINE_TOTAL), field + "._line_total"), totalTax,
                taxes(SerializedTaxes.decode(item.meta(ItemMeta.LINE_TAX_DATA)), WooTaxData.TOTAL, totalTax, taxClass,
                        field + "._line_tax_data",
                        taxLines, problems));
    }

    private TaxLine taxLine(RawItem item, String field) {
        long rateId = parseId(item.meta(ItemMeta.RATE_ID), field + ".rate_id");
        String percentText = item.meta(ItemMeta.RATE_PERCENT);
        BigDecimal percent = percentText == null || percentText.isBlank() ? null
                : Amounts.parse(percentText, field + ".rate_percent");
        if (percent == null && rates.get(rateId) != null) {
            percent = rates.get(rateId).percent();
        }
        String compound = text(item.meta(ItemMeta.COMPOUND));
        return new TaxLine(item.id, rateId, item.name, text(item.meta(ItemMeta.LABEL)),
                "1".equals(compound) || "yes".equals(compound),
                Amounts.parseOrZero(item.meta(ItemMeta.TAX_AMOUNT), field + ".tax_amount"),
                Amounts.parseOrZero(item.meta(ItemMeta.SHIPPING_TAX_AMOUNT), field + ".shipping_tax_amount"), percent);
    }

    /**
     * Tax per rate from the serialized data. When that is unreadable or missing while the plain tax column says
     * there is tax, the rate is recovered from the line's tax class (or the order's only rate) and a problem is
     * recorded; when even that is ambiguous the taxes stay empty and the invoice mapping refuses the line.
     */
    private TaxAmounts taxes(SerializedTaxes data, String section, BigDecimal plainTax, String taxClass,
                             String field, List<TaxLine> taxLines, List<Problem> problems) {
        String failure = data.failure();
        if (data.value() != null) {
            try {
                Map<Long, BigDecimal> amounts = WooTaxData.taxAmounts(data.value(), section);
                if (!amounts.isEmpty() || plainTax.signum() == 0) {
                    return normalised(amounts);
                }
                failure = "holds no '" + section + "' taxes although the line's tax is " + plainTax.toPlainString();
            } catch (PhpSerializedException e) {
                failure = "is not readable PHP-serialized data (" + e.getMessage() + ")";
            }
        }
        if (plainTax.signum() == 0) {
            return TaxAmounts.NONE;
        }
        Long rateId = rateFor(taxClass, taxLines);
        if (field != null) {
            String cause = failure != null ? failure : "is missing although the line's tax is " + plainTax.toPlainString();
            problems.add(new Problem(field, cause + (rateId == null
                    ? "; the tax rate cannot be recovered"
                    : "; tax " + plainTax.toPlainString() + " assigned to rate " + rateId + " from the tax class")));
        }
        return rateId == null ? TaxAmounts.NONE : new TaxAmounts(Map.of(rateId, plainTax));
    }

    private Long rateFor(String taxClass, List<TaxLine> taxLines) {
        Long match = null;
        for (TaxLine line : taxLines) {
            TaxRateTable.Rate rate = rates.get(line.rateId());
            if (rate != null && taxClass.equals(rate.taxClass())) {
                if (match != null) {
                    return null;
                }
                match = line.rateId();
            }
        }
        if (match == null && taxLines.size() == 1) {
            match = taxLines.getFirst().rateId();
        }
        return match;
    }

    private static TaxAmounts normalised(Map<Long, BigDecimal> amounts) {
        Map<Long, BigDecimal> out = new java.util.TreeMap<>();
        amounts.forEach((id, amount) -> out.put(id, Amounts.normalise(amount)));
        return new TaxAmounts(out);
    }

    private String sku(long productId, long variationId, String field, List<Problem> problems) {
        if (productId == 0) {
            return "";
        }
        ProductInfo product = products.get(productId);
        if (product == null) {
            problems.add(new Problem(field + "._product_id",
                    "product " + productId + " no longer exists; its SKU is unknown"));
            return "";
        }
        if (variationId != 0) {
            ProductInfo variation = products.get(variationId);
            if (variation == null) {
                problems.add(new Problem(field + "._variation_id",
                        "variation " + variationId + " no longer exists; the product's SKU is used"));
            } else if (!variation.sku().isEmpty()) {
                return variation.sku();
            }
        }
        return product.sku();
    }

    private static long id(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "is not an id: '" + text + "'; treated as none"));
            return 0;
        }
    }

    private static long parseId(String text, String field) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new OrderDataException(field, "is not a tax rate id: '" + text + "'");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
