package com.caricomtr.sandbox.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

/** Reads a request body the way the contract describes it: a UTF-8 JSON object sent as {@code application/json}. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static JsonNode jsonObject(ServerRequest request) throws ApiException {
        Optional<HttpMediaType> type = request.headers().contentType();
        boolean json = type.map(t -> "application".equals(t.mediaType().type()) && "json".equals(t.mediaType().subtype()))
                .orElse(false);
        boolean utf8 = type.flatMap(HttpMediaType::charset)
                .map(charset -> charset.toLowerCase(Locale.ROOT).equals("utf-8"))
                .orElse(true);
        if (!json || !utf8) {
            throw ApiErrors.badRequest("İçerik türü \"application/json; charset=utf-8\" olmalı; gelen: \""
                    + type.map(HttpMediaType::text).orElse("") + "\"");
        }
        byte[] bytes = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (bytes.length == 0) {
            throw ApiErrors.badRequest("İstek gövdesi boş");
        }
        JsonNode body;
        try {
            body = Json.parse(bytes);
        } catch (IOException e) {
            throw ApiErrors.badRequest("İstek gövdesi geçerli bir JSON değil: " + firstLine(e.getMessage()));
        }
        if (body == null || !body.isObject()) {
            throw ApiErrors.badRequest("İstek gövdesi bir JSON nesnesi olmalı");
        }
        return body;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
