package com.caricomtr.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The support commands' output, written as it is read: one pretty-printed JSON object whose {@code orders} go out
 * one at a time, so that a shop of 100,000 orders never sits in memory as one tree (that peaked at over 1 GB). What
 * a command finds wrong is kept aside, being few, and written as {@code rejected} after the orders; keys keep their
 * order, so two outputs can be diffed.
 */
final class JsonReport implements AutoCloseable {
    private static final ObjectMapper JSON = Json.MAPPER;

    private final JsonGenerator generator;
    private final List<JsonNode> rejected = new ArrayList<>();
    private boolean inOrders;

    JsonReport(PrintWriter out) {
        try {
            this.generator = JSON.getFactory().createGenerator(out).useDefaultPrettyPrinter();
            generator.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonReport field(String name, String value) {
        return write(() -> generator.writeStringField(name, value));
    }

    JsonReport field(String name, long value) {
        return write(() -> generator.writeNumberField(name, value));
    }

    JsonReport field(String name, boolean value) {
        return write(() -> generator.writeBooleanField(name, value));
    }

    /** One more entry of {@code orders}; the first opens the array. */
    void order(JsonNode order) {
        write(() -> {
            if (!inOrders) {
                generator.writeArrayFieldStart("orders");
                inOrders = true;
            }
            JSON.writeTree(generator, order);
        });
    }

    /** An order that could not be read, written with the others when the report is closed. */
    void rejected(JsonNode rejection) {
        rejected.add(rejection);
    }

    int rejectedCount() {
        return rejected.size();
    }

    @Override
    public void close() {
        write(() -> {
            if (!inOrders) {
                generator.writeArrayFieldStart("orders");
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("rejected");
            for (JsonNode rejection : rejected) {
                JSON.writeTree(generator, rejection);
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw(System.lineSeparator());
            generator.flush();
        });
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private JsonReport write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
