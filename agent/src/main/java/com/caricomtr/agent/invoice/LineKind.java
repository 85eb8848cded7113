package com.caricomtr.agent.invoice;

/** Where an invoice line came from in the order. */
public enum LineKind {
    PRODUCT,
    SHIPPING,
    FEE
}
