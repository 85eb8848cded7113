package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/**
 * A product line. Amounts are tax-exclusive as WooCommerce stores them, at stored precision:
 * {@code subtotal} is before coupons, {@code total} after.
 *
 * @param productId   0 when the line has no product; a deleted product keeps its id and gets a problem recorded
 * @param sku         the variation's SKU, else the product's, else empty
 * @param taxes       tax of {@code total} per rate id
 * @param subtotalTaxes tax of {@code subtotal} per rate id
 */
public record LineItem(long itemId,
                       String name,
                       long productId,
                       long variationId,
                       String sku,
                       BigDecimal quantity,
                       String taxClass,
                       BigDecimal subtotal,
                       BigDecimal subtotalTax,
                       BigDecimal total,
                       BigDecimal totalTax,
                       TaxAmounts taxes,
                       TaxAmounts subtotalTaxes) {
}
