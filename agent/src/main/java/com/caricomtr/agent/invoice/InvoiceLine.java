package com.caricomtr.agent.invoice;

import java.math.BigDecimal;

/**
 * One invoice line, in kuruş-rounded amounts. Invariants the mapping guarantees:
 * {@code netAmount + taxAmount == grossAmount}, and {@code taxRate} is a whole KDV percent such as 20, 10, 1 or 0.
 *
 * @param unitPrice net unit price after discounts, rounded to kuruş for display; {@code netAmount} is authoritative
 */
public record InvoiceLine(LineKind kind,
                          String name,
                          String sku,
                          BigDecimal quantity,
                          BigDecimal unitPrice,
                          BigDecimal taxRate,
                          BigDecimal netAmount,
                          BigDecimal taxAmount,
                          BigDecimal grossAmount) {
}
