package com.caricomtr.agent.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs requests as one site, with that site's secret: the agent's calls to the bridge (hook relay), and the
 * tests and benchmarks that play the bridge.
 */
public final class RequestSigner {
    /** 24 random bytes are 32 URL-safe characters: well inside 16–64, and never guessed. */
    private static final int NONCE_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String siteId;
    private final String secret;
    private final Clock clock;

    public RequestSigner(String siteId, String secret) {
        this(siteId, secret, Clock.systemUTC());
    }

    /** With a clock of one's choosing: tests use it to sign from the past or the future. */
    public RequestSigner(String siteId, String secret, Clock clock) {
        this.siteId = Objects.requireNonNull(siteId, "siteId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signature headers for one request, with a fresh nonce and the current time. */
    public SignatureHeaders sign(String method, String pathWithQuery, byte[] body) {
        return sign(method, pathWithQuery, body, newNonce());
    }

    /** With a nonce of one's choosing; a nonce must never be reused, this is for tests of exactly that. */
    public SignatureHeaders sign(String method, String pathWithQuery, byte[] body, String nonce) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String canonical = SignatureScheme.canonicalString(method, pathWithQuery, timestamp, nonce, body);
        return new SignatureHeaders(siteId, timestamp, nonce, SignatureScheme.signature(secret, canonical));
    }

    /**
     * A {@code java.net.http} request carrying the method, the body and the signature; the caller may add other
     * headers and a timeout. The signed target is the URI's raw path and query, which is what the JDK client sends.
     */
    public HttpRequest.Builder request(String method, URI uri, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        sign(method, SignatureScheme.pathWithQuery(uri), bytes).asMap().forEach(builder::header);
        return builder;
    }

    /**
     * An OkHttp request carrying the method, the body and the signature, for the agent's own calls to a bridge. The
     * signed target is the path and query exactly as OkHttp will send them (it may encode what the URI left raw).
     */
    public okhttp3.Request.Builder okHttpRequest(String method, URI uri, byte[] body, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        okhttp3.HttpUrl url = okhttp3.HttpUrl.get(uri.toString());
        String target = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(url).method(method,
                bytes.length == 0 && !"POST".equals(method) && !"PUT".equals(method) ? null
                        : okhttp3.RequestBody.create(bytes, okhttp3.MediaType.get(contentType)));
        sign(method, target, bytes).asMap().forEach(builder::header);
        return builder;
    }

    public String siteId() {
        return siteId;
    }

    static String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "RequestSigner[site=" + siteId + "]";
    }
}
