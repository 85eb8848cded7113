package com.caricomtr.sandbox.faults;

import java.util.Locale;

/** What a held ("timeout") request does once {@code hang-ms} has passed. */
public enum TimeoutThen {
    /**
     * Process the request at once but hold the answer: the invoice is stored although the client, having timed out,
     * never learns so. This is the case an exactly-once client must survive.
     */
    ANSWER,
    /** Hold, then close the connection without processing the request. */
    CLOSE;

    public static TimeoutThen parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected answer or close, got \"" + text + "\"");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
