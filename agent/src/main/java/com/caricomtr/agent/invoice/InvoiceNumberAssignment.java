package com.caricomtr.agent.invoice;

/** The invoice number an order got once and keeps: its series, year and sequence within them. */
public record InvoiceNumberAssignment(long orderId, String series, int year, long sequence) {
}
