package com.caricomtr.agent.sync.state;

import java.util.OptionalLong;

/**
 * An invoice number could not be fixed for an order because another order of the site holds it. Sending it would
 * make Cari answer "exists", and the other order's invoice would be taken for this one's.
 */
public final class InvoiceNumberTaken extends RuntimeException {
    private final String number;
    private final Long holder;

    InvoiceNumberTaken(long orderId, String number, Long holder) {
        super("invoice number " + number + " is already fixed for " + (holder == null ? "another order"
                : "order " + holder) + "; order " + orderId + " cannot have it too");
        this.number = number;
        this.holder = holder;
    }

    public String number() {
        return number;
    }

    /** The order holding the number; empty if it let go of it in the meantime. */
    public OptionalLong holder() {
        return holder == null ? OptionalLong.empty() : OptionalLong.of(holder);
    }
}
