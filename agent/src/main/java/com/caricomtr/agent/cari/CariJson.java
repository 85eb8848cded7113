package com.caricomtr.agent.cari;

import java.io.IOException;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson setup for Cari bodies. Money never passes through it as a number: the DTOs hold strings. */
final class CariJson {
    /** The agent's one set-up; Cari's shapes name every key themselves, so its snake_case default never applies. */
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private CariJson() {
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Our DTOs are plain records of strings; failing here is a bug, not a Cari failure.
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    /** A request record as a JSON tree, with the same field names and values {@link #write} would print. */
    static ObjectNode tree(Object body) {
        return MAPPER.valueToTree(body);
    }

    static <T> T treeToValue(ObjectNode tree, Class<T> type) throws IOException {
        return MAPPER.treeToValue(tree, type);
    }

    static <T> T read(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }
}
