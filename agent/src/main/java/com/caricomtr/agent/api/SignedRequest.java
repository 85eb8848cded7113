package com.caricomtr.agent.api;

import java.time.Instant;
import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;

/**
 * A request whose signature was verified: which site sent it. The {@link SignatureFilter} attaches it to the
 * request context; handlers read it with {@link #siteId(ServerRequest)}.
 */
public record SignedRequest(String siteId, String nonce, Instant timestamp) {

    /** The verified request, or empty when the request was not signed (only {@code GET /health} gets through so). */
    public static Optional<SignedRequest> of(ServerRequest request) {
        return request.context().get(SignedRequest.class);
    }

    /**
     * The id of the site that signed the request. Throws on an unsigned request: a handler asking for the site
     * runs behind the filter, and reaching it without a signature is a routing bug that must not pass silently.
     */
    public static String siteId(ServerRequest request) {
        return of(request)
                .map(SignedRequest::siteId)
                .orElseThrow(() -> new IllegalStateException("request " + request.prologue().method().text() + " "
                        + request.path().rawPath() + " was not verified by SignatureFilter"));
    }
}
