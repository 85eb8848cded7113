package com.caricomtr.agent.invoice;

/** How Cari must treat the buyer for tax purposes. */
public enum CustomerType {
    /** A Turkish individual, identified by TCKN (or the placeholder when the shop allows it). */
    INDIVIDUAL,
    /** A Turkish company, identified by VKN and tax office. */
    COMPANY,
    /** A buyer outside Türkiye: no Turkish tax id. */
    FOREIGN
}
