package com.caricomtr.agent.cari;

/** Content that must not be sent, with the wire path of the field to blame (e.g. {@code fatura.satirlar[0].tutar}). */
final class PayloadProblem extends IllegalArgumentException {
    private final String field;
    private final String reason;

    PayloadProblem(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
