package com.caricomtr.agent.demo;

import com.caricomtr.agent.woo.Address;

/**
 * Who placed an order: a registered customer ({@code userId > 0}) or a guest, with the Turkish tax identity a checkout
 * plugin would store as order meta ({@code _billing_tc_kimlik}, or {@code _billing_vergi_no} +
 * {@code _billing_vergi_dairesi}). Foreign buyers have neither.
 */
record Buyer(long userId, Kind kind, Address billing, Address shipping, String tckn, String vkn, String taxOffice) {
    enum Kind { INDIVIDUAL, COMPANY, FOREIGN }

    boolean isTurkish() {
        return kind != Kind.FOREIGN;
    }

    Buyer withUserId(long id) {
        return new Buyer(id, kind, billing, shipping, tckn, vkn, taxOffice);
    }

    Buyer withShipping(Address newShipping) {
        return new Buyer(userId, kind, billing, newShipping, tckn, vkn, taxOffice);
    }
}
