package com.caricomtr.sandbox.store;

import java.time.Instant;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A customer as the sandbox keeps it: the {@code cari} object exactly as last accepted, plus its id and times.
 * The JSON is copied in and out so that no caller can change what the sandbox recorded.
 */
public record StoredCustomer(long sequence, String firmaKodu, ObjectNode cari, Instant createdAt, Instant updatedAt) {
    public StoredCustomer {
        cari = cari.deepCopy();
    }

    public static String idOf(long sequence) {
        return String.format("C%06d", sequence);
    }

    public String id() {
        return idOf(sequence);
    }

    @Override
    public ObjectNode cari() {
        return cari.deepCopy();
    }

    public String disAnahtar() {
        return cari.path("dis_anahtar").asText();
    }

    StoredCustomer updated(ObjectNode newCari, Instant at) {
        return new StoredCustomer(sequence, firmaKodu, newCari, createdAt, at);
    }

    /** The wire form: {@code id} first, then the fields as the client sent them. */
    public ObjectNode toWire() {
        ObjectNode wire = Json.object();
        wire.put("id", id());
        wire.setAll(cari.deepCopy());
        return wire;
    }
}
