package com.caricomtr.agent.api;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.helidon.webserver.http.ServerResponse;

/** The one error shape of the agent's API: {@code {"error":{"code":"...","message":"..."}}}. */
final class ApiErrors {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private ApiErrors() {
    }

    static void send(ServerResponse response, int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        response.status(status);
        response.header("Content-Type", "application/json");
        response.send(body.toString());
    }
}
