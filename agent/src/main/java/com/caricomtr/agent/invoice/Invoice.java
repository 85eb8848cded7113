package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The invoice the agent sends for one order, independent of Cari's wire format. All amounts are rounded to kuruş
 * (scale 2) and reconcile exactly: the lines sum to {@code subtotal} and the per-rate {@code taxes}; {@code subtotal
 * + taxTotal == grandTotal == order total}.
 *
 * @param series       the invoice prefix ({@code fatura.seri_no} on the wire)
 * @param sequence     the sequence number within the series
 * @param number       the full invoice number as printed, e.g. {@code WOO2025000000042} in GİB style
 * @param exchangeRate null while amounts stay in the order's currency; the extension point for TRY conversion
 */
public record Invoice(long orderId,
                      String orderNumber,
                      String series,
                      long sequence,
                      String number,
                      LocalDate issueDate,
                      String currency,
                      BigDecimal exchangeRate,
                      CustomerRecord customer,
                      List<InvoiceLine> lines,
                      BigDecimal subtotal,
                      List<TaxSummary> taxes,
                      BigDecimal taxTotal,
                      BigDecimal grandTotal,
                      String note) {
}
