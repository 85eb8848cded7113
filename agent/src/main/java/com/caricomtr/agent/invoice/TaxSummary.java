package com.caricomtr.agent.invoice;

import java.math.BigDecimal;

/** KDV of one rate over the invoice: the base it applies to and the tax, both in kuruş. */
public record TaxSummary(BigDecimal rate, BigDecimal base, BigDecimal amount) {
}
