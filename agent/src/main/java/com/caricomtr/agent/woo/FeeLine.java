package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/** A fee line; {@code total} is tax-exclusive and may be negative (a discount given as a fee). */
public record FeeLine(long itemId,
                      String name,
                      String taxClass,
                      String taxStatus,
                      BigDecimal total,
                      BigDecimal totalTax,
                      TaxAmounts taxes) {
}
