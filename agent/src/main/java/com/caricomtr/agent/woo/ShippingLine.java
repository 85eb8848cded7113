package com.caricomtr.agent.woo;

import java.math.BigDecimal;

/** A shipping line; {@code total} is the tax-exclusive cost. */
public record ShippingLine(long itemId,
                           String name,
                           String methodId,
                           String instanceId,
                           BigDecimal total,
                           BigDecimal totalTax,
                           TaxAmounts taxes) {
}
