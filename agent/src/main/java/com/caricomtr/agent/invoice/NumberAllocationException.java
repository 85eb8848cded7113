package com.caricomtr.agent.invoice;

/**
 * Allocating an invoice number failed for a reason outside the order (database down, counters out of step with
 * the assigned numbers). Unlike {@link MappingException} it may well go away on a later retry.
 */
public final class NumberAllocationException extends RuntimeException {
    public NumberAllocationException(String message, Throwable cause) {
        super(message, cause);
    }

    public NumberAllocationException(String message) {
        super(message);
    }
}
