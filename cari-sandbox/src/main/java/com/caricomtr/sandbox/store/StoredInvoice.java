package com.caricomtr.sandbox.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An accepted invoice: the {@code fatura} object exactly as received, plus its id and the time it was stored.
 * The JSON is copied in and out so that no caller can change what the sandbox recorded.
 */
public record StoredInvoice(long sequence, String firmaKodu, ObjectNode fatura, Instant receivedAt) {
    public StoredInvoice {
        fatura = fatura.deepCopy();
    }

    public static String idOf(long sequence) {
        return String.format("F%06d", sequence);
    }

    public String id() {
        return idOf(sequence);
    }

    @Override
    public ObjectNode fatura() {
        return fatura.deepCopy();
    }

    public String faturaNo() {
        return fatura.path("fatura_no").asText();
    }

    public String seriNo() {
        return fatura.path("seri_no").asText();
    }

    public String cariId() {
        return fatura.path("cari_id").asText();
    }

    public Optional<String> siparisNo() {
        JsonNode value = fatura.get("siparis_no");
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    /** A money field of the invoice, e.g. {@code genel_toplam}; only valid invoices are stored, so it parses. */
    public BigDecimal amount(String field) {
        return new BigDecimal(fatura.path(field).asText());
    }

    /** Same number and same content: what a client's honest retry looks like. */
    boolean sameContentAs(ObjectNode other) {
        return fatura.equals(other);
    }

    /** The wire form: {@code id} first, then the fields as the client sent them. */
    public ObjectNode toWire() {
        ObjectNode wire = Json.object();
        wire.put("id", id());
        wire.setAll(fatura.deepCopy());
        return wire;
    }
}
