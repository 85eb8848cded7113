package com.caricomtr.agent.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The agent's one Jackson set-up, for every JSON it reads or writes: the bridge API, Cari's bodies, the state it
 * keeps as JSON and the support commands' output. Keys are snake_case where a record does not name them
 * ({@code @JsonProperty}, as every Cari shape does), dates ISO-8601, and fields a peer adds to its answers are
 * ignored, so that Cari or a newer bridge adding one never breaks a running agent. Money never passes through it as
 * a number: the shapes hold strings.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Json() {
    }
}
