package com.caricomtr.sandbox.faults;

/** What the sandbox does to one API request instead of (or besides) answering it normally. */
public enum FaultKind {
    /** Answer normally. */
    NONE("none"),
    /** Close the socket without any HTTP answer. */
    DROP("drop"),
    /** Hold the request for {@code hang-ms}, then answer or close, as {@code timeout-then} says. */
    TIMEOUT("timeout"),
    /** Answer 500, 502 or 503 without doing anything. */
    ERROR("error"),
    /** Answer 429 with {@code Retry-After} without doing anything. */
    RATE_LIMIT("rate_limit"),
    /** Store the new invoice or customer, then answer 500 or drop the connection: the client cannot know. */
    STORE_THEN_FAIL("store_then_fail");

    private final String wireName;

    FaultKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON ({@code /_sandbox/faults}, stats, request log). */
    public String wireName() {
        return wireName;
    }
}
