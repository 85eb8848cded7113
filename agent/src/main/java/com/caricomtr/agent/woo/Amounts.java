package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/**
 * Parses WooCommerce's decimal text ({@code "49.9"}, {@code "49.90000000"}, {@code "-177.40"}) exactly, and
 * normalises the scale so that the same amount read from HPOS and from posts is equal.
 */
final class Amounts {
    private Amounts() {
    }

    /** Absent or blank means zero, as WooCommerce reads it. */
    static BigDecimal parseOrZero(String text, String field) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        return parse(text, field);
    }

    static BigDecimal parseRequired(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new OrderDataException(field, "is missing");
        }
        return parse(text, field);
    }

    static BigDecimal parse(String text, String field) {
        String t = text.strip();
        if (t.length() > 40) {
            throw new OrderDataException(field, "is not a decimal number (" + t.length() + " characters)");
        }
        try {
            return normalise(new BigDecimal(t));
        } catch (NumberFormatException e) {
            throw new OrderDataException(field, "is not a decimal number: '" + t + "'");
        }
    }

    static BigDecimal normalise(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
