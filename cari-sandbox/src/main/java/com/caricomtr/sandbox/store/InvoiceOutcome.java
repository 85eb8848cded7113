package com.caricomtr.sandbox.store;

/** What storing an invoice did: stored it, or found one with the same {@code fatura_no}. */
public sealed interface InvoiceOutcome {
    record Created(StoredInvoice invoice) implements InvoiceOutcome {
    }

    /**
     * @param existing    the invoice that already holds the number
     * @param sameContent whether the new payload is identical, i.e. an honest retry rather than a numbering bug
     */
    record Duplicate(StoredInvoice existing, boolean sameContent) implements InvoiceOutcome {
    }
}
