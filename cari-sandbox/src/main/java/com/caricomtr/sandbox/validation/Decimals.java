package com.caricomtr.sandbox.validation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The textual number formats of the contract. Money has exactly two decimals and a dot; quantities and rates are
 * plain non-negative decimals. Leading zeros, exponents, signs other than a leading minus and thousands separators are
 * all rejected: they are legal for {@code new BigDecimal} but not what the contract shows.
 */
public final class Decimals {
    private static final Pattern MONEY = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]{2}");
    private static final Pattern LOOSE_MONEY = Pattern.compile("-?[0-9]+(\\.[0-9]*)?");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private Decimals() {
    }

    public static boolean isMoney(String text) {
        return MONEY.matcher(text).matches();
    }

    /** A number that is money except for its scale, e.g. {@code "12.5"} or {@code "12"}: worth a precise message. */
    public static boolean isMoneyWithWrongScale(String text) {
        return !isMoney(text) && LOOSE_MONEY.matcher(text).matches();
    }

    public static boolean isPlainDecimal(String text) {
        return PLAIN_DECIMAL.matcher(text).matches();
    }

    public static BigDecimal parse(String text) {
        return new BigDecimal(text);
    }

    /** Money as written on the wire. */
    public static String money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
