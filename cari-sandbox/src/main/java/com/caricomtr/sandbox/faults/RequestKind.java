package com.caricomtr.sandbox.faults;

/** What an API request is, as far as faults care: store-then-fail can only strike a request that creates a record. */
public enum RequestKind {
    /** {@code POST /api/faturalar}. */
    INVOICE_CREATION,
    /** {@code POST /api/cariler}. */
    CUSTOMER_CREATION,
    /** Any other API request. */
    OTHER;

    public boolean creates() {
        return this != OTHER;
    }
}
