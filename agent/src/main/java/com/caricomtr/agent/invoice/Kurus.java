package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kuruş arithmetic. HALF_UP because that is PHP's {@code round()}, which WooCommerce uses for prices, line taxes
 * (stores with prices excluding tax) and the order total; where WooCommerce rounds half down instead (line taxes in
 * stores with prices including tax), the residue distribution puts the kuruş back where WooCommerce left it.
 */
final class Kurus {
    static final int SCALE = 2;
    static final BigDecimal ONE = new BigDecimal("0.01");
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Kurus() {
    }

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** True when the amount has nothing below kuruş, whatever its scale ({@code 788.68000000} is whole). */
    static boolean isWhole(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }

    static long count(BigDecimal wholeKurus) {
        return wholeKurus.movePointRight(SCALE).longValueExact();
    }
}
