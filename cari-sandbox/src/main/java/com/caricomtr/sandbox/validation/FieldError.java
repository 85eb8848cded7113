package com.caricomtr.sandbox.validation;

/**
 * One entry of {@code hata.alanlar}: the JSON path of the offending field (e.g. {@code fatura.satirlar[3].toplam})
 * and a Turkish message.
 */
public record FieldError(String alan, String mesaj) {
}
