package com.caricomtr.agent.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import com.caricomtr.agent.cari.Masker;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.media.ReadableEntity;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http1.Http1Config;

/**
 * Lets through only requests signed by a configured site, and {@code GET /health}. A verified request carries a
 * {@link SignedRequest} in its context; a refused one gets the API's JSON error and one log line.
 *
 * <p>The body must be hashed before any handler runs, yet stay readable by that handler. A filter gets the request
 * before routing, and {@link ReadableEntity#buffer()} (Helidon 4.5) reads the entity into memory once and lets it
 * be read again, so handlers keep using {@code request.content()} as usual. That is why this is a filter rather
 * than a wrapper every handler must remember: a forgotten wrapper would be an open endpoint, a forgotten filter is
 * not possible. Buffering is bounded twice: a declared {@code Content-Length} is checked before reading anything,
 * and the listener's {@code max-buffered-entity-size} caps a chunked body. The smaller of that and
 * {@link SignatureSettings#maxBodyBytes()} is the limit; configure the listener to at least the latter.
 */
public final class SignatureFilter implements Filter {
    public static final String LOGGER_NAME = "com.caricomtr.agent.api.auth";
    private static final System.Logger LOGGER = System.getLogger(LOGGER_NAME);
    private static final String HEALTH_PATH = "/health";
    private static final HeaderName SITE = HeaderNames.create(SignatureScheme.SITE_HEADER);
    private static final HeaderName TIMESTAMP = HeaderNames.create(SignatureScheme.TIMESTAMP_HEADER);
    private static final HeaderName NONCE = HeaderNames.create(SignatureScheme.NONCE_HEADER);
    private static final HeaderName SIGNATURE = HeaderNames.create(SignatureScheme.SIGNATURE_HEADER);

    private static final long DEFAULT_LISTENER_BUFFER_LIMIT = Http1Config.create().maxBufferedEntitySize().toBytes();

    private final SignatureVerifier verifier;
    private final Masker masker;
    private final AtomicBoolean warnedAboutBufferLimit = new AtomicBoolean();

    public SignatureFilter(SignatureVerifier verifier, SiteSecrets secrets) {
        this.verifier = verifier;
        this.masker = secrets.masker();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        HttpPrologue prologue = request.prologue();
        if (isHealthCheck(prologue)) {
            chain.proceed();
            return;
        }
        SignedRequest signed;
        try {
            signed = verifier.verify(prologue.method().text(), requestTarget(prologue), signatureHeaders(request),
                    maxBytes -> body(request, maxBytes));
        } catch (SignatureRejected rejected) {
            refuse(request, response, rejected);
            return;
        }
        request.context().register(signed);
        LOGGER.log(Level.DEBUG, () -> masker.apply("Verified " + prologue.method().text() + " "
                + LogText.clean(prologue.uriPath().rawPath()) + " from site " + signed.siteId()));
        chain.proceed();
    }

    /**
     * Exactly {@code GET /health} as sent: comparing the raw path means no encoding trick can make a protected
     * route look like the health check.
     */
    private static boolean isHealthCheck(HttpPrologue prologue) {
        return Method.GET.equals(prologue.method()) && HEALTH_PATH.equals(prologue.uriPath().rawPath());
    }

    /** What the client put on the request line, not what Helidon decoded or normalised from it. */
    static String requestTarget(HttpPrologue prologue) {
        String path = prologue.uriPath().rawPath();
        return prologue.hasQuery() ? path + '?' + prologue.query().rawValue() : path;
    }

    static SignatureHeaders signatureHeaders(ServerRequest request) throws SignatureRejected {
        return new SignatureHeaders(single(request, SITE), single(request, TIMESTAMP), single(request, NONCE),
                single(request, SIGNATURE));
    }

    /** A repeated signature header is refused: which copy was signed would be a guess. */
    private static String single(ServerRequest request, HeaderName name) throws SignatureRejected {
        List<String> values = request.headers().all(name, List::of);
        if (values.size() > 1) {
            throw new SignatureRejected(RejectionReason.UNSIGNED, name.defaultCase() + " appears more than once.");
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    private byte[] body(RoutingRequest request, long maxBytes) throws SignatureRejected {
        long limit = Math.min(maxBytes, bufferLimit(request, maxBytes));
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw SignatureVerifier.tooLarge(limit);
        }
        ReadableEntity content = request.content();
        if (!content.hasEntity()) {
            return new byte[0];
        }
        try {
            content.buffer();
        } catch (IllegalStateException largerThanTheListenerBuffers) {
            throw SignatureVerifier.tooLarge(limit);
        }
        try (InputStream in = content.inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                throw SignatureVerifier.tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How much the HTTP/1.1 listener lets {@code buffer()} hold; below our own limit it wins, and we say so once. */
    private long bufferLimit(RoutingRequest request, long maxBytes) {
        long listenerLimit = request.listenerContext().config().protocols().stream()
                .filter(Http1Config.class::isInstance)
                .map(protocol -> ((Http1Config) protocol).maxBufferedEntitySize().toBytes())
                .findFirst()
                .orElse(DEFAULT_LISTENER_BUFFER_LIMIT);
        if (listenerLimit < maxBytes && !warnedAboutBufferLimit.getAndSet(true)) {
            LOGGER.log(Level.WARNING, "The HTTP/1.1 listener buffers at most " + listenerLimit
                    + " bytes of a request, less than auth.max-body-size (" + maxBytes + "); larger bodies are refused."
                    + " Raise server.protocols.http_1_1.max-buffered-entity-size.");
        }
        return listenerLimit;
    }

    private void refuse(RoutingRequest request, RoutingResponse response, SignatureRejected rejected) {
        RejectionReason reason = rejected.reason();
        String site = request.headers().first(SITE).map(LogText::clean).orElse("-");
        LOGGER.log(Level.WARNING, masker.apply("Refused " + request.prologue().method().text() + " "
                + LogText.clean(request.prologue().uriPath().rawPath()) + " from site " + site + ": "
                + reason.code() + " (" + rejected.getMessage() + ")"));
        if (reason.status() == 401) {
            response.header("WWW-Authenticate", "Caricomtr-Signature version=\"1\"");
        }
        rejected.retryAfter().ifPresent(wait -> response.header("Retry-After", Long.toString(wait.toSeconds())));
        ApiErrors.send(response, reason.status(), reason.code(), rejected.getMessage());
    }
}
