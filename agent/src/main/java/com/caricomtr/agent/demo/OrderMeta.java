package com.caricomtr.agent.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import com.caricomtr.agent.woo.Address;

/** Values WooCommerce derives from an order the same way in HPOS and in posts storage. */
final class OrderMeta {
    private OrderMeta() {
    }

    /** The order's bookkeeping flags, which follow its status: what WooCommerce had done by then. */
    record Flags(boolean couponUsagesCounted, boolean downloadsGranted, boolean newOrderEmailSent, boolean stockReduced,
                 boolean salesRecorded) {

        static Flags of(String status) {
            return switch (status) {
                case "processing", "completed", "refunded" -> new Flags(true, true, true, true, true);
                case "on-hold" -> new Flags(true, false, true, true, true);
                default -> new Flags(false, false, false, false, false);
            };
        }
    }

    /**
     * {@code _billing_address_index}/{@code _shipping_address_index}: the address fields joined by spaces, for
     * WooCommerce's order search. The shipping address has no e-mail.
     */
    static String addressIndex(Address a, boolean billing) {
        String base = String.join(" ", a.firstName(), a.lastName(), a.company(), a.address1(), a.address2(), a.city(),
                a.state(), a.postcode(), a.country());
        return billing ? base + " " + a.email() + " " + a.phone() : base + " " + a.phone();
    }

    /** The Turkish tax identity a checkout plugin adds as order meta; nothing for foreign buyers. */
    static Map<String, String> taxIdentity(Buyer buyer) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (!buyer.tckn().isEmpty()) {
            meta.put("_billing_tc_kimlik", buyer.tckn());
        }
        if (!buyer.vkn().isEmpty()) {
            meta.put("_billing_vergi_no", buyer.vkn());
            meta.put("_billing_vergi_dairesi", buyer.taxOffice());
        }
        return meta;
    }

    /** The {@code _billing_*} or {@code _shipping_*} meta rows posts storage keeps (shipping has no e-mail). */
    static Map<String, String> addressMeta(String type, Address a) {
        Map<String, String> meta = new LinkedHashMap<>();
        String p = "_" + type + "_";
        meta.put(p + "first_name", a.firstName());
        meta.put(p + "last_name", a.lastName());
        meta.put(p + "company", a.company());
        meta.put(p + "address_1", a.address1());
        meta.put(p + "address_2", a.address2());
        meta.put(p + "city", a.city());
        meta.put(p + "postcode", a.postcode());
        meta.put(p + "country", a.country());
        meta.put(p + "state", a.state());
        if ("billing".equals(type)) {
            meta.put(p + "email", a.email());
        }
        meta.put(p + "phone", a.phone());
        return meta;
    }
}
