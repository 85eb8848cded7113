package com.caricomtr.agent.cari;

/** What the sync engine should do after a failed Cari call. */
public enum FailureClass {
    /** Trying the same call again later may succeed: network trouble, timeouts, 5xx, 429, 408. */
    RETRYABLE,
    /** Repeating the call cannot help until someone changes data or configuration: 4xx, contract mismatches. */
    PERMANENT,
    /**
     * Cari already has the record: an invoice with this number, or a customer with this key; its id is in
     * {@link CariException#existingId()}.
     */
    CONFLICT
}
