package com.caricomtr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JDK's HTTP client, as a second, independent client for the fault tests: what a dropped connection or a held
 * request looks like to code that did not come with the server.
 *
 * <p>Each call uses a new client and so a new connection: the JDK silently retries an idempotent request once when a
 * pooled connection turns out closed, which would hide the very fault under test.
 */
final class JdkClient {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;

    JdkClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, DEFAULT_TIMEOUT);
    }

    HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return send("POST", path, body, DEFAULT_TIMEOUT);
    }

    HttpResponse<String> post(String path, JsonNode body, Duration timeout) throws IOException, InterruptedException {
        return send("POST", path, body, timeout);
    }

    HttpResponse<String> put(String path, JsonNode body) throws IOException, InterruptedException {
        return send("PUT", path, body, DEFAULT_TIMEOUT);
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null, DEFAULT_TIMEOUT);
    }

    HttpResponse<String> send(String method, String path, JsonNode body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("X-Firma-Kodu", "DEMO")
                .header("Authorization", "Bearer demo-token");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CariApi.JSON_UTF8)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(CariApi.bytes(body)));
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Examples.parse(response.body());
    }
}
