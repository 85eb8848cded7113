package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A refund of an order. WooCommerce stores refund amounts and line amounts as negative numbers; {@code amount} is
 * the positive refunded sum from {@code _refund_amount}. A refund without lines is an amount-only refund.
 */
public record Refund(long id,
                     BigDecimal amount,
                     String reason,
                     Instant createdAt,
                     OrderTotals totals,
                     List<LineItem> lineItems,
                     List<ShippingLine> shippingLines,
                     List<FeeLine> feeLines) {
}
