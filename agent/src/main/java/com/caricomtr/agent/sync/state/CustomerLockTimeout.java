package com.caricomtr.agent.sync.state;

import java.time.Duration;

/**
 * A customer could not be resolved because another delivery, in this agent or in another agent on the same database
 * server, held that customer's lock for longer than we wait ({@link CustomerCache#withLock}). Nothing was sent to
 * Cari and nothing was written: treat it as "try this order again later". The wait is not the order's fault, so the
 * retry should not count as one of the order's attempts.
 */
public final class CustomerLockTimeout extends RuntimeException {
    private final String customerKey;

    public CustomerLockTimeout(String customerKey, Duration waited) {
        super("customer " + customerKey + " is being created or updated by another delivery; waited "
                + waited.toMillis() + " ms for it");
        this.customerKey = customerKey;
    }

    public String customerKey() {
        return customerKey;
    }
}
