package com.caricomtr.agent.cari;

/** A customer record as Cari knows it: the id to put in an invoice's {@code cari_id}. */
public record CariCustomerRef(String id) {
}
