package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/**
 * The totals WooCommerce stored on the order itself (not recomputed): the figures an invoice must match.
 *
 * @param total         grand total including all tax
 * @param cartTax       tax on items and fees
 * @param shippingTotal shipping, tax-exclusive
 * @param shippingTax   tax on shipping
 * @param discountTotal coupon discount, tax-exclusive
 * @param discountTax   tax part of the coupon discount
 */
public record OrderTotals(BigDecimal total,
                          BigDecimal cartTax,
                          BigDecimal shippingTotal,
                          BigDecimal shippingTax,
                          BigDecimal discountTotal,
                          BigDecimal discountTax) {

    /** Tax on everything: what WooCommerce shows as the order's total tax. */
    public BigDecimal totalTax() {
        return cartTax.add(shippingTax);
    }
}
