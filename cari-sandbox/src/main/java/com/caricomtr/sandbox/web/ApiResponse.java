package com.caricomtr.sandbox.web;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON answer: status, body and any extra headers (e.g. {@code Retry-After}). */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse of(int status, JsonNode body) {
        return new ApiResponse(status, body, Map.of());
    }

    /** The {@code hata.kod} of an error answer, or null. */
    public String errorCode() {
        JsonNode code = body.path("hata").path("kod");
        return code.isTextual() ? code.textValue() : null;
    }
}
