package com.caricomtr.agent.invoice;

/**
 * An order that cannot become an invoice as it is, named with the order and the field to look at, e.g.
 * {@code billing.tckn} or {@code line_items[3].taxes}. The only exception the mappers throw for bad order data; it
 * will not go away on retry, so the sync should record it and move on to the next order.
 */
public final class MappingException extends RuntimeException {
    private final long orderId;
    private final String field;
    private final String reason;

    public MappingException(long orderId, String field, String reason) {
        this(orderId, field, reason, null);
    }

    public MappingException(long orderId, String field, String reason, Throwable cause) {
        super("order " + orderId + ": " + field + ": " + reason, cause);
        this.orderId = orderId;
        this.field = field;
        this.reason = reason;
    }

    public long orderId() {
        return orderId;
    }

    /** Where in the order, in WooCommerce REST API names: {@code total}, {@code tax_lines[0].rate_percent}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the order and field. */
    public String reason() {
        return reason;
    }
}
