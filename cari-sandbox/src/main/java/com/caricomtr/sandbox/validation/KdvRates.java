package com.caricomtr.sandbox.validation;

import java.util.List;

/** The KDV rates the contract allows, spelled exactly as they must appear on the wire. */
public final class KdvRates {
    public static final List<String> ALLOWED = List.of("0", "1", "8", "10", "18", "20");

    private KdvRates() {
    }

    public static boolean isAllowed(String rate) {
        return ALLOWED.contains(rate);
    }

    public static String allowedText() {
        return String.join(", ", ALLOWED);
    }
}
