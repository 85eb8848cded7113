package com.caricomtr.agent.invoice;

/** Where an invoice's sequence number comes from. */
public enum NumberingStrategy {
    /**
     * The WooCommerce order number is the sequence: nothing to store, the same order always gets the same number.
     * Gaps appear wherever orders are not invoiced (cancelled, failed), which GİB numbering does not allow.
     */
    ORDER_NUMBER,
    /**
     * A counter per series and year in the agent's own table: invoice numbers run 1, 2, 3... without gaps, and an
     * order keeps the number it got first on every retry.
     */
    GAPLESS_COUNTER
}
