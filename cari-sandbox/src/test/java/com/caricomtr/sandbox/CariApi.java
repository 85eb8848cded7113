package com.caricomtr.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.ClientResponseHeaders;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;

/** A thin client of the sandbox for tests: real HTTP through Helidon's client, answers parsed as JSON. */
final class CariApi {
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final Http1Client client;
    private final Map<String, String> headers;

    CariApi(Http1Client client) {
        this(client, credentials("DEMO", "demo-token"));
    }

    private CariApi(Http1Client client, Map<String, String> headers) {
        this.client = client;
        this.headers = headers;
    }

    static Map<String, String> credentials(String firmaKodu, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Firma-Kodu", firmaKodu);
        headers.put("Authorization", "Bearer " + token);
        return headers;
    }

    /** The same client with other credentials. */
    CariApi as(String firmaKodu, String token) {
        return new CariApi(client, credentials(firmaKodu, token));
    }

    /** The same client sending exactly these headers (none of the default credentials). */
    CariApi withHeaders(Map<String, String> exactHeaders) {
        return new CariApi(client, exactHeaders);
    }

    Reply get(String path) {
        return send(Method.GET, path, null, null);
    }

    Reply post(String path, Object body) {
        return send(Method.POST, path, bytes(body), JSON_UTF8);
    }

    Reply put(String path, Object body) {
        return send(Method.PUT, path, bytes(body), JSON_UTF8);
    }

    Reply send(Method method, String path, byte[] body, String contentType) {
        // Query parameters go through queryParam: uri(String) would keep a "?" as part of the path.
        int question = path.indexOf('?');
        Http1ClientRequest request = client.method(method).uri(question < 0 ? path : path.substring(0, question));
        if (question >= 0) {
            for (String pair : path.substring(question + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.queryParam(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
        }
        request.headers(h -> {
            this.headers.forEach((name, value) -> h.set(HeaderNames.create(name), value));
            if (contentType != null) {
                h.set(HeaderNames.CONTENT_TYPE, contentType);
            }
        });
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            byte[] bytes = response.entity().hasEntity() ? response.entity().as(byte[].class) : new byte[0];
            return new Reply(response.status().code(), parse(bytes), response.headers());
        }
    }

    static byte[] bytes(Object body) {
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof JsonNode node) {
            return Json.bytes(node);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return Json.object();
        }
        try {
            return Json.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    /** An answer: status, JSON body, headers. */
    record Reply(int status, JsonNode body, ClientResponseHeaders headers) {
        String errorCode() {
            return body.path("hata").path("kod").asText(null);
        }

        /** The {@code alan} of every {@code hata.alanlar} entry. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("hata").path("alanlar").forEach(a -> fields.add(a.path("alan").asText()));
            return fields;
        }

        String text(String pointer) {
            return body.at(pointer).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
