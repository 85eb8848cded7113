package com.caricomtr.sandbox.store;

/** What storing a customer (new or changed) did: stored it, or found another customer holding its key. */
public sealed interface CustomerOutcome {
    record Stored(StoredCustomer customer) implements CustomerOutcome {
    }

    /** @param existing the customer of the company that already has the {@code dis_anahtar} */
    record KeyTaken(StoredCustomer existing) implements CustomerOutcome {
    }
}
