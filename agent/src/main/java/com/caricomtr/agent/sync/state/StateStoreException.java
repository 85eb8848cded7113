package com.caricomtr.agent.sync.state;

/** The agent's state database refused or failed a read or write; the message says which. */
public class StateStoreException extends RuntimeException {
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
