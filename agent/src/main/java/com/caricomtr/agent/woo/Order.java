package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A complete WooCommerce order as the agent sees it, identical whichever storage it was read from.
 *
 * <p>Amounts are {@link BigDecimal} at the precision WooCommerce stored (line totals often carry 6 decimals);
 * rounding to kuruş belongs to the invoice mapping. Dates are UTC instants, null when absent.
 *
 * @param number   the order number shown to the shop: a custom order-number meta when present, else the id
 * @param status   without the {@code wc-} prefix, e.g. {@code completed}
 * @param problems what was odd but recoverable, in the order found
 */
public record Order(long id,
                    String number,
                    String status,
                    String currency,
                    boolean pricesIncludeTax,
                    Instant createdAt,
                    Instant updatedAt,
                    Instant paidAt,
                    Instant completedAt,
                    long customerId,
                    Address billing,
                    Address shipping,
                    String paymentMethod,
                    String paymentMethodTitle,
                    String transactionId,
                    String customerNote,
                    TaxIdentity taxIdentity,
                    OrderTotals totals,
                    List<LineItem> lineItems,
                    List<ShippingLine> shippingLines,
                    List<FeeLine> feeLines,
                    List<CouponLine> couponLines,
                    List<TaxLine> taxLines,
                    List<Refund> refunds,
                    List<Problem> problems) {

    /** Order statuses WooCommerce core knows; anything else is recorded as a problem but still loaded. */
    public static final List<String> CORE_STATUSES = List.of(
            "pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed",
            "checkout-draft", "draft", "trash");

    public boolean isGuest() {
        return customerId == 0;
    }

    public BigDecimal refundedAmount() {
        return refunds.stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
