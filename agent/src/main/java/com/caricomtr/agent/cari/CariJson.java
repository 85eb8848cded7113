package com.caricomtr.agent.cari;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson setup for Cari bodies. Money never passes through it as a number: the DTOs hold strings. */
final class CariJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Cari may add fields to its answers; that must not break a running agent.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
