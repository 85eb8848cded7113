package com.caricomtr.agent.cari;

/** An invoice as Cari knows it: its own id and the printed number. */
public record CariInvoiceRef(String id, String faturaNo) {
}
