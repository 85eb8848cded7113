package com.caricomtr.agent.woo;

import java.util.List;

/**
 * Which order meta keys carry the order number and the Turkish tax identity. Turkish checkout plugins disagree on
 * names, so each is a list tried in order; the first non-blank value wins.
 */
public record ReaderSettings(List<String> orderNumberKeys,
                             List<String> tcknKeys,
                             List<String> vknKeys,
                             List<String> taxOfficeKeys,
                             int batchSize) {

    public static final ReaderSettings DEFAULTS = new ReaderSettings(
            // Sequential Order Numbers (Pro) and most order-number plugins.
            List.of("_order_number_formatted", "_order_number"),
            List.of("_billing_tc_kimlik", "_billing_tckn", "_billing_tc_kimlik_no", "_billing_tc_no", "_billing_tcno",
                    "_billing_tc", "_billing_kimlik_no", "_billing_identity_number"),
            List.of("_billing_vergi_no", "_billing_vkn", "_billing_vergi_numarasi", "_billing_vergino",
                    "_billing_tax_number", "_billing_tax_no"),
            List.of("_billing_vergi_dairesi", "_billing_vergidairesi", "_billing_tax_office"),
            1000);

    public ReaderSettings {
        orderNumberKeys = List.copyOf(orderNumberKeys);
        tcknKeys = List.copyOf(tcknKeys);
        vknKeys = List.copyOf(vknKeys);
        taxOfficeKeys = List.copyOf(taxOfficeKeys);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1..10000, got " + batchSize);
        }
        for (List<String> keys : List.of(orderNumberKeys, tcknKeys, vknKeys, taxOfficeKeys)) {
            for (String key : keys) {
                if (key == null || key.isBlank() || key.length() > 255) {
                    throw new IllegalArgumentException("meta key must be 1-255 characters, got '" + key + "'");
                }
            }
        }
    }

    public ReaderSettings withBatchSize(int size) {
        return new ReaderSettings(orderNumberKeys, tcknKeys, vknKeys, taxOfficeKeys, size);
    }

    /** Every order meta key the reader needs, refunds' included. */
    List<String> orderMetaKeys() {
        java.util.ArrayList<String> keys = new java.util.ArrayList<>(orderNumberKeys);
        keys.addAll(tcknKeys);
        keys.addAll(vknKeys);
        keys.addAll(taxOfficeKeys);
        keys.add("_refund_amount");
        keys.add("_refund_reason");
        return keys;
    }
}
