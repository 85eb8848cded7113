package com.caricomtr.agent.api;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** JSON in and out of the bridge API: snake_case keys, ISO-8601 dates. */
final class ApiJson {
    static final ObjectMapper MAPPER = Json.MAPPER;

    private ApiJson() {
    }

    static void send(ServerResponse response, int status, Object body) {
        try {
            response.status(status);
            response.header("Content-Type", "application/json");
            response.send(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request body as JSON; answers 400 and returns null when it is not a JSON object. */
    static JsonNode body(ServerRequest request, ServerResponse response) {
        try {
            JsonNode json = MAPPER.readTree(request.content().as(String.class));
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        ApiErrors.send(response, 400, "invalid_json", "The body must be a JSON object.");
        return null;
    }
}
