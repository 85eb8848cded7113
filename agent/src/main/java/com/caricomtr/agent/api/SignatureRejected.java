package com.caricomtr.agent.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A signed request that must not reach a handler. The message is safe to send back and to log: it never holds a
 * secret, a signature or anything the caller sent.
 */
public final class SignatureRejected extends Exception {
    private final RejectionReason reason;
    private final transient Duration retryAfter;

    SignatureRejected(RejectionReason reason, String message) {
        this(reason, message, null);
    }

    SignatureRejected(RejectionReason reason, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public RejectionReason reason() {
        return reason;
    }

    /** Only for {@link RejectionReason#REPLAY_CACHE_FULL}: when a nonce of the site expires. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
