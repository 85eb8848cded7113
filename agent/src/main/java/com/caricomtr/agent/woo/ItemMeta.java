package com.caricomtr.agent.woo;

import java.util.HashMap;
import java.util.Map;

/**
 * The order item meta keys the reader asks for. Rows are filed by key into an array as they arrive, so that the
 * assembler's dozen lookups per item are array reads rather than string-keyed map lookups (which showed as the
 * largest single cost of assembling an order).
 */
enum ItemMeta {
    PRODUCT_ID("_product_id"),
    VARIATION_ID("_variation_id"),
    QTY("_qty"),
    TAX_CLASS("_tax_class"),
    LINE_SUBTOTAL("_line_subtotal"),
    LINE_SUBTOTAL_TAX("_line_subtotal_tax"),
    LINE_TOTAL("_line_total"),
    LINE_TAX("_line_tax"),
    LINE_TAX_DATA("_line_tax_data"),
    METHOD_ID("method_id"),
    INSTANCE_ID("instance_id"),
    COST("cost"),
    TOTAL_TAX("total_tax"),
    TAXES("taxes"),
    TAX_STATUS("_tax_status"),
    DISCOUNT_AMOUNT("discount_amount"),
    DISCOUNT_AMOUNT_TAX("discount_amount_tax"),
    RATE_ID("rate_id"),
    LABEL("label"),
    COMPOUND("compound"),
    TAX_AMOUNT("tax_amount"),
    SHIPPING_TAX_AMOUNT("shipping_tax_amount"),
    RATE_PERCENT("rate_percent");

    private static final Map<String, ItemMeta> BY_KEY = new HashMap<>();

    static {
        for (ItemMeta meta : values()) {
            BY_KEY.put(meta.key, meta);
        }
    }

    final String key;

    ItemMeta(String key) {
        this.key = key;
    }

    /** The meta for a stored key, or null for keys the reader does not use. */
    static ItemMeta of(String key) {
        return BY_KEY.get(key);
    }
}
