package com.caricomtr.agent.sync.state;

/** Where an order's document is on its way to Cari. Stored in lower case ({@link #dbValue()}). */
public enum SyncState {
    /** Waiting for a worker, due at {@code next_attempt_at}. */
    PENDING,
    /** Claimed by a worker whose lease runs until {@code claimed_until}; found expired, it is claimed again. */
    SENDING,
    /** Cari has the document; {@code cari_invoice_id} says which. */
    SYNCED,
    /** Given up after a permanent error or too many attempts; an admin may retry. */
    FAILED,
    /** Something only a person can decide, e.g. Cari already has the number with other content. */
    NEEDS_REVIEW,
    /** An admin decided this order gets no document from the agent. */
    DISMISSED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SyncState fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
