package com.caricomtr.agent.woo;

/**
 * An order that could not be loaded at all, named with the field that made it impossible. The rest of the batch
 * loads regardless.
 */
public record Rejection(long orderId, String field, String message) {
    @Override
    public String toString() {
        return "order " + orderId + ": " + field + ": " + message;
    }
}
