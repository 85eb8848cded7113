package com.caricomtr.agent.woo;

/** The database could not be read at all (connection, permissions, missing tables): not one order's fault. */
public final class WooReadException extends RuntimeException {
    public WooReadException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
