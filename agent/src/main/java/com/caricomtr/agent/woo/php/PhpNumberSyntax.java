package com.caricomtr.agent.woo.php;

/**
 * PHP's decimal number syntax, as {@code unserialize()} accepts after {@code d:}: an optional sign, digits with an
 * optional point, an optional exponent. Text that passes is also accepted by {@code new BigDecimal(...)} and
 * {@code Double.parseDouble(...)}, so neither can throw on it.
 */
final class PhpNumberSyntax {
    /** Far above the ~110 characters PHP writes even with serialize_precision=100; bounds work on hostile input. */
    static final int MAX_CHARS = 400;
    /** Keeps the exponent inside BigDecimal's int scale; PHP would turn anything this large into INF or 0 anyway. */
    private static final int MAX_EXPONENT_DIGITS = 5;

    private PhpNumberSyntax() {
    }

    static boolean isDecimal(CharSequence text) {
        return isDecimal(text, 0, text.length());
    }

    static boolean isDecimal(CharSequence text, int from, int to) {
        if (to - from > MAX_CHARS) {
            return false;
        }
        int i = skipSign(text, from, to);
        int integerEnd = skipDigits(text, i, to);
        int digits = integerEnd - i;
        i = integerEnd;
        if (i < to && text.charAt(i) == '.') {
            int fractionEnd = skipDigits(text, i + 1, to);
            digits += fractionEnd - (i + 1);
            i = fractionEnd;
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponentStart = skipSign(text, i + 1, to);
            int exponentEnd = skipDigits(text, exponentStart, to);
            if (exponentEnd == exponentStart || significantDigits(text, exponentStart, exponentEnd) > MAX_EXPONENT_DIGITS) {
                return false;
            }
            i = exponentEnd;
        }
        return i == to;
    }

    private static int skipSign(CharSequence text, int i, int to) {
        return i < to && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
    }

    private static int skipDigits(CharSequence text, int i, int to) {
        while (i < to && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int significantDigits(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) == '0') {
            i++;
        }
        return to - i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
