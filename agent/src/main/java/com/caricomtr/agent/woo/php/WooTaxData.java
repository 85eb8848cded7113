package com.caricomtr.agent.woo.php;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads WooCommerce's tax-per-rate arrays: an item's {@code _line_tax_data} meta
 * ({@code {"total": {rateId: amount}, "subtotal": {...}}}) and a shipping item's {@code taxes} meta (only
 * {@code "total"}). Amounts are exact decimals taken from the stored text, never through {@code double}.
 */
public final class WooTaxData {
    public static final String TOTAL = "total";
    public static final String SUBTOTAL = "subtotal";

    private WooTaxData() {
    }

    /** Decodes {@code serialized} and reads one section of it; see {@link #taxAmounts(PhpValue, String)}. */
    public static Map<Long, BigDecimal> taxAmounts(String serialized, String section) {
        return taxAmounts(PhpSerialized.decode(serialized), section);
    }

    /**
     * Tax amount per rate id in one section, in stored order. A missing or empty section, or tax data that is
     * itself empty, gives an empty map, as it does in WooCommerce. An amount stored as {@code ""} or null is zero:
     * WooCommerce writes that for a rate that applied but charged nothing.
     *
     * @param section {@link #TOTAL} or {@link #SUBTOTAL}
     * @throws PhpSerializedException if the value is not shaped like tax data, a rate id is not a non-negative
     *                                integer, or an amount is not a finite decimal number
     */
    public static Map<Long, BigDecimal> taxAmounts(PhpValue value, String section) {
        if (isEmptyInPhp(value)) {
            return Map.of();
        }
        if (!(value instanceof PhpArray sections)) {
            throw new PhpSerializedException("tax data is " + value.typeName() + ", not an array of sections");
        }
        for (Object key : sections.entries().keySet()) {
            // WooCommerce before 3.0 stored shipping taxes as {rateId: amount}; reading that as "no tax" would
            // silently drop tax, so it is reported for the caller to decide.
            if (key instanceof Long) {
                throw new PhpSerializedException(
                        "tax data has rate ids at the top level (the pre-3.0 format) instead of 'total'/'subtotal'");
            }
        }
        PhpValue amounts = sections.get(section).orElse(PhpNull.INSTANCE);
        if (isEmptyInPhp(amounts)) {
            return Map.of();
        }
        if (!(amounts instanceof PhpArray byRate)) {
            throw new PhpSerializedException("tax section '" + section + "' is " + amounts.typeName()
                    + ", not an array");
        }
        Map<Long, BigDecimal> result = LinkedHashMap.newLinkedHashMap(byRate.size());
        for (Map.Entry<Object, PhpValue> entry : byRate.entries().entrySet()) {
            long rateId = rateIdOf(entry.getKey(), section);
            result.put(rateId, amountOf(entry.getValue(), section, rateId));
        }
        return Collections.unmodifiableMap(result);
    }

    /** The decoder has already turned canonical numeric string keys such as "1" into ints, as PHP does. */
    private static long rateIdOf(Object key, String section) {
        if (key instanceof Long rateId && rateId >= 0) {
            return rateId;
        }
        throw new PhpSerializedException("tax section '" + section + "' has a key that is not a tax rate id");
    }

    private static BigDecimal amountOf(PhpValue amount, String section, long rateId) {
        return switch (amount) {
            case PhpNull n -> BigDecimal.ZERO;
            case PhpInt i -> BigDecimal.valueOf(i.value());
            case PhpDouble d when d.isFinite() -> d.decimal();
            case PhpDouble d -> throw new PhpSerializedException("tax amount for rate " + rateId + " in '" + section
                    + "' is " + d.text());
            case PhpString s -> decimalOf(s.value(), section, rateId);
            default -> throw new PhpSerializedException("tax amount for rate " + rateId + " in '" + section + "' is "
                    + amount.typeName() + ", not a number");
        };
    }

    /** PHP's numeric strings may carry surrounding whitespace; WooCommerce's own never do, but PHP would sum them. */
    private static BigDecimal decimalOf(String text, String section, long rateId) {
        int from = 0;
        int to = text.length();
        while (from < to && isPhpWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && isPhpWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return BigDecimal.ZERO;
        }
        if (!PhpNumberSyntax.isDecimal(text, from, to)) {
            throw new PhpSerializedException("tax amount for rate " + rateId + " in '" + section
                    + "' is not a decimal number");
        }
        return new BigDecimal(text.substring(from, to));
    }

    private static boolean isEmptyInPhp(PhpValue value) {
        return value instanceof PhpNull
                || value instanceof PhpBool bool && !bool.value()
                || value instanceof PhpString string && string.value().isEmpty()
                || value instanceof PhpArray array && array.isEmpty();
    }

    private static boolean isPhpWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
