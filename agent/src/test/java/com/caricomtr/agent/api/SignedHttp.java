package com.caricomtr.agent.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A bridge stand-in on the JDK client, which puts the request target on the wire exactly as given: the tests need
 * to send paths and queries byte for byte, and to send something other than what was signed.
 */
final class SignedHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI server;

    SignedHttp(URI server) {
        this.server = server;
    }

    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText(null);
        }
    }

    /** Signs what it sends. */
    Reply signed(RequestSigner signer, String method, String target, String body) {
        byte[] bytes = bytes(body);
        return send(method, target, bytes, signer.sign(method, target, bytes), false);
    }

    /** Sends with the given signature headers, or none when null. */
    Reply send(String method, String target, String body, SignatureHeaders headers) {
        return send(method, target, bytes(body), headers, false);
    }

    /** Streams the body chunked, without a Content-Length. */
    Reply sendChunked(String method, String target, byte[] body, SignatureHeaders headers) {
        return send(method, target, body, headers, true);
    }

    Reply send(String method, String target, byte[] body, SignatureHeaders headers, boolean chunked) {
        return send(method, target, body, headers, chunked, Map.of());
    }

    /** With more header lines on top of the signature's; a name already there becomes a second line. */
    Reply send(String method, String target, byte[] body, SignatureHeaders headers, boolean chunked,
               Map<String, String> extraHeaders) {
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(target)).method(method, publisher);
        if (headers != null) {
            headers.asMap().forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
        }
        extraHeaders.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String body) {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }
}
