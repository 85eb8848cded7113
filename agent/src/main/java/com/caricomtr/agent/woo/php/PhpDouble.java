package com.caricomtr.agent.woo.php;

import java.math.BigDecimal;

/**
 * {@code d:0.1;}, kept as the exact text PHP wrote so that money never has to pass through {@code double}.
 *
 * @param text PHP's text: a decimal number such as {@code 63.3}, {@code -0} or {@code 1.0E+25}, or {@code INF},
 *             {@code -INF}, {@code NAN}
 */
public record PhpDouble(String text) implements PhpValue {

    public PhpDouble {
        if (text == null || !(isSpecial(text) || PhpNumberSyntax.isDecimal(text))) {
            throw new PhpSerializedException("not a PHP float: " + (text == null ? "null" : "'" + text + "'"));
        }
    }

    public double doubleValue() {
        return switch (text) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            case "NAN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** False for INF, -INF, NAN and for text too large for a double, which PHP itself reads as INF. */
    public boolean isFinite() {
        return Double.isFinite(doubleValue());
    }

    /** The exact decimal PHP wrote; only for {@linkplain #isFinite() finite} values. */
    public BigDecimal decimal() {
        if (!isFinite()) {
            throw new PhpSerializedException("float " + text + " has no decimal value");
        }
        return new BigDecimal(text);
    }

    static boolean isSpecial(String text) {
        return text.equals("INF") || text.equals("-INF") || text.equals("NAN");
    }
}
