package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/**
 * A tax summary line. {@code taxAmount} is the tax on items and fees, {@code shippingTaxAmount} on shipping, both
 * rounded as WooCommerce stored them.
 *
 * @param rateCode    WooCommerce's code, e.g. {@code TR-KDV 20%-1}
 * @param ratePercent the percent stored on the line, else taken from the tax rates table, else null
 */
public record TaxLine(long itemId,
                      long rateId,
                      String rateCode,
                      String label,
                      boolean compound,
                      BigDecimal taxAmount,
                      BigDecimal shippingTaxAmount,
                      BigDecimal ratePercent) {
}
