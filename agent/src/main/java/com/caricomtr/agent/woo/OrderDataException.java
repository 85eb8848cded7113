package com.caricomtr.agent.woo;

/** Thrown while assembling one order when a field makes it impossible to load; becomes a {@link Rejection}. */
final class OrderDataException extends RuntimeException {
    private final String field;

    OrderDataException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
