package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * WooCommerce's {@code WC_Discounts} for one coupon on an order: works in kuruş (cents) on each line's price as
 * the customer sees it (tax-inclusive when the order's prices include tax), biggest lines first, and hands out
 * leftover kuruş one unit at a time. The result is the discount per line in kuruş.
 */
final class CouponDiscounts {
    private final BigDecimal[] priceInCents;
    private final int[] quantity;
    private final long[] discount;
    private final List<Integer> order;

    private CouponDiscounts(BigDecimal[] priceInCents, int[] quantity) {
        this.priceInCents = priceInCents;
        this.quantity = quantity;
        this.discount = new long[priceInCents.length];
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < priceInCents.length; i++) {
            indexes.add(i);
        }
        // WC_Discounts::sort_by_price (uasort, stable): by price * quantity, highest first.
        indexes.sort(Comparator.comparing((Integer i) -> priceInCents[i].multiply(BigDecimal.valueOf(quantity[i])))
                .reversed());
        this.order = indexes;
    }

    /**
     * @param linePriceInCents per line: (subtotal + rounded subtotal tax when prices include tax) × 100, unrounded
     * @return discount per line, in kuruş
     */
    static long[] apply(CatalogCoupon coupon, BigDecimal[] linePriceInCents, int[] quantities) {
        CouponDiscounts d = new CouponDiscounts(linePriceInCents, quantities);
        List<Integer> items = d.itemsToApply();
        if (coupon.isPercent()) {
            d.percent(items, coupon.amount());
        } else {
            d.fixedCart(items, coupon.amount().movePointRight(2).longValueExact());
        }
        return d.discount;
    }

    /** {@code get_items_to_apply_coupon()}: lines that still have a price and a quantity. */
    private List<Integer> itemsToApply() {
        return order.stream().filter(i -> discountedPriceInCents(i) > 0 && quantity[i] > 0).toList();
    }

    private long discountedPriceInCents(int i) {
        return Math.abs(priceInCents[i].subtract(BigDecimal.valueOf(discount[i]))
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** {@code apply_coupon_percent()} with sequential discounts off. */
    private void percent(List<Integer> items, BigDecimal percent) {
        long total = 0;
        BigDecimal cartTotal = BigDecimal.ZERO;
        for (int i : items) {
            long discounted = discountedPriceInCents(i);
            BigDecimal toDiscount = priceInCents[i].setScale(0, RoundingMode.HALF_UP);
            long d = toDiscount.multiply(percent).divide(WooMath.HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
            d = Math.min(discounted, d);
            cartTotal = cartTotal.add(toDiscount);
            total += d;
            discount[i] += d;
        }
        long cartDiscount = cartTotal.multiply(percent).divide(WooMath.HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
        if (total < cartDiscount) {
            remainder(items, cartDiscount - total);
        }
    }

    /** {@code apply_coupon_fixed_cart()}: the amount split evenly per unit, then the rest recursively. */
    private long fixedCart(List<Integer> items, long amount) {
        List<Integer> priced = items.stream().filter(i -> priceInCents[i].signum() > 0).toList();
        long units = priced.stream().mapToLong(i -> quantity[i]).sum();
        if (units == 0) {
            return 0;
        }
        long perUnit = amount / units;
        long total = 0;
        if (perUnit > 0) {
            total = fixedPerUnit(priced, perUnit);
            if (total > 0 && total < amount) {
                total += fixedCart(priced, amount - total);
            }
        } else if (amount > 0) {
            total += remainder(priced, amount);
        }
        return total;
    }

    /** {@code apply_coupon_fixed_product()} with a per-unit amount. */
    private long fixedPerUnit(List<Integer> items, long perUnit) {
        long total = 0;
        for (int i : items) {
            long d = Math.min(discountedPriceInCents(i), perUnit * quantity[i]);
            total += d;
            discount[i] += d;
        }
        return total;
    }

    /** {@code apply_coupon_remainder()}: one kuruş per unit until the amount is used up. */
    private long remainder(List<Integer> items, long amount) {
        long total = 0;
        for (int i : items) {
            for (int unit = 0; unit < quantity[i]; unit++) {
                long d = Math.min(discountedPriceInCents(i), 1);
                total += d;
                discount[i] += d;
                if (total >= amount) {
                    return total;
                }
            }
        }
        return total;
    }
}
