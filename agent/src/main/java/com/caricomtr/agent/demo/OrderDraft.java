package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a customer put in an order, before WooCommerce calculates it.
 *
 * @param taxedInTurkey false when the tax location (shipping address) is abroad: no Turkish rate applies, and
 *                      tax-inclusive prices still lose the base-country tax
 *                      ({@code woocommerce_adjust_non_base_location_prices})
 * @param shipping      null for an order without shipping (e.g. only a donation)
 * @param coupon        null for none
 */
record OrderDraft(boolean pricesIncludeTax, boolean taxedInTurkey, List<Line> lines, ShippingMethod shipping,
                  List<Fee> fees, CatalogCoupon coupon) {

    record Line(CatalogProduct product, int quantity) {
    }

    /** A fee; {@code amount} is tax-exclusive and taxed with the standard class, or split by class when negative. */
    record Fee(String name, BigDecimal amount) {
    }
}
