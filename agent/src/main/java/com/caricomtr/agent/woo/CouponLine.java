package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/** A coupon applied to the order; its discount is already inside the line items' totals. */
public record CouponLine(long itemId, String code, BigDecimal discount, BigDecimal discountTax) {
}
