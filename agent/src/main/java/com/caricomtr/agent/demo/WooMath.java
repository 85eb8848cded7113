package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * WooCommerce's tax and money arithmetic, done in exact decimals where WooCommerce uses PHP floats. The demo shop
 * must store the same figures WooCommerce would, so every rounding here names the WooCommerce function it copies.
 */
final class WooMath {
    /** {@code wc_get_rounding_precision()}: taxes and tax-exclusive line amounts are kept at 6 decimals. */
    static final int PRECISION = 6;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

    private WooMath() {
    }

    /** {@code WC_Tax::calc_inclusive_tax()} for one rate: the tax inside {@code gross}, rounded by WC_Tax::round. */
    static BigDecimal inclusiveTax(BigDecimal gross, BigDecimal percent) {
        return gross.multiply(percent).divide(HUNDRED.add(percent), DIVISION).setScale(PRECISION, RoundingMode.HALF_UP);
    }

    /** {@code WC_Tax::calc_exclusive_tax()} for one rate: the tax on top of {@code net}, rounded by WC_Tax::round. */
    static BigDecimal exclusiveTax(BigDecimal net, BigDecimal percent) {
        return net.multiply(percent).divide(HUNDRED, DIVISION).setScale(PRECISION, RoundingMode.HALF_UP);
    }

    /** {@code NumberUtil::round($x, wc_get_price_decimals())}: PHP's default, half away from zero. */
    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * {@code wc_round_tax_total()}: 2 decimals in the store's tax rounding mode. With the default
     * {@code WC_TAX_ROUNDING_MODE = 'auto'} that is half-down when the store option
     * {@code woocommerce_prices_include_tax} is yes and half-up otherwise: a store-wide setting, not the order's flag.
     */
    static BigDecimal roundTax(BigDecimal value, RoundingMode taxRounding) {
        return value.setScale(2, taxRounding);
    }

    /** The rounding mode {@code wc_round_tax_total()} uses in a store with this price setting. */
    static RoundingMode taxRoundingFor(boolean storePricesIncludeTax) {
        return storePricesIncludeTax ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP;
    }

    /**
     * How PHP prints a float that WooCommerce stored via {@code wc_format_decimal()}: no trailing zeros, no exponent,
     * {@code 0} for zero (never {@code -0}). E.g. 443.50 → {@code 443.5}, 290.833333 → {@code 290.833333}.
     */
    static String php(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** {@code wc_format_decimal($x, wc_get_price_decimals())}: always two decimals, e.g. {@code 1250.00}. */
    static String fixed2(BigDecimal value) {
        return money(value).toPlainString();
    }
}
