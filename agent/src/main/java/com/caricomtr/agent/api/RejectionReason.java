package com.caricomtr.agent.api;

/** Why a signed request was refused; {@link #code()} is the {@code error.code} the bridge branches on. */
public enum RejectionReason {
    /** A signature header is missing, repeated or malformed. */
    UNSIGNED("unsigned", 401),
    UNKNOWN_SITE("unknown_site", 401),
    BAD_SIGNATURE("bad_signature", 401),
    /** The timestamp is outside the allowed clock skew, in the past or in the future. */
    EXPIRED("expired", 401),
    REPLAYED("replayed", 401),
    TOO_LARGE("too_large", 401),
    /**
     * The site has as many unexpired nonces as the replay cache holds for it. Not the caller's credentials at fault,
     * so not 401: the caller should slow down and retry.
     */
    REPLAY_CACHE_FULL("replay_cache_full", 429);

    private final String code;
    private final int status;

    RejectionReason(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
