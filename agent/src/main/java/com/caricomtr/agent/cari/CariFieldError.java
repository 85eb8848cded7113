package com.caricomtr.agent.cari;

/** One field Cari rejected ({@code hata.alanlar[]}): the field's wire path and Cari's reason. */
public record CariFieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
