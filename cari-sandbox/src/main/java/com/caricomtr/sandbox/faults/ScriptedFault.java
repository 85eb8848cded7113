package com.caricomtr.sandbox.faults;

import java.util.Locale;

/**
 * One entry of a fault script: the exact fault for an upcoming request, for tests that need "fail the next two
 * invoice posts, then succeed" rather than a rate.
 *
 * <p>Accepted spellings: {@code none}, {@code drop}, {@code timeout}, {@code timeout-answer}, {@code timeout-close},
 * {@code error} (the first of {@code error-statuses}), {@code error-NNN} (a 5xx status), {@code rate-limit},
 * {@code store-then-fail}, {@code store-then-error}, {@code store-then-drop}, and the same three prefixed
 * {@code customer-}. Store-then entries wait for the next invoice creation ({@code customer-} ones for the next
 * customer creation); the others apply to the next API request of any kind.
 */
record ScriptedFault(String text, FaultKind kind, Integer status, TimeoutThen timeoutThen, StoreThenFail with,
                     RequestKind waitsFor) {
    private static final String CUSTOMER = "customer-";

    ScriptedFault(String text, FaultKind kind, Integer status, TimeoutThen timeoutThen, StoreThenFail with) {
        this(text, kind, status, timeoutThen, with, kind == FaultKind.STORE_THEN_FAIL ? RequestKind.INVOICE_CREATION
                : null);
    }

    static ScriptedFault parse(String entry) {
        String text = entry.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith(CUSTOMER + "store-then-")) {
            ScriptedFault invoiceEntry = parse(text.substring(CUSTOMER.length()));
            return new ScriptedFault(text, invoiceEntry.kind, null, null, invoiceEntry.with,
                    RequestKind.CUSTOMER_CREATION);
        }
        switch (text) {
            case "none":
                return new ScriptedFault(text, FaultKind.NONE, null, null, null);
            case "drop":
                return new ScriptedFault(text, FaultKind.DROP, null, null, null);
            case "timeout":
                return new ScriptedFault(text, FaultKind.TIMEOUT, null, null, null);
            case "timeout-answer":
                return new ScriptedFault(text, FaultKind.TIMEOUT, null, TimeoutThen.ANSWER, null);
            case "timeout-close":
                return new ScriptedFault(text, FaultKind.TIMEOUT, null, TimeoutThen.CLOSE, null);
            case "error":
                return new ScriptedFault(text, FaultKind.ERROR, null, null, null);
            case "rate-limit":
                return new ScriptedFault(text, FaultKind.RATE_LIMIT, null, null, null);
            case "store-then-fail":
                return new ScriptedFault(text, FaultKind.STORE_THEN_FAIL, null, null, null);
            case "store-then-error":
                return new ScriptedFault(text, FaultKind.STORE_THEN_FAIL, null, null, StoreThenFail.ERROR);
            case "store-then-drop":
                return new ScriptedFault(text, FaultKind.STORE_THEN_FAIL, null, null, StoreThenFail.DROP);
            default:
                if (text.matches("error-5[0-9]{2}")) {
                    return new ScriptedFault(text, FaultKind.ERROR, Integer.parseInt(text.substring(6)), null, null);
                }
                throw new IllegalArgumentException("unknown script entry \"" + entry + "\"; use none, drop, timeout, "
                        + "timeout-answer, timeout-close, error, error-5xx, rate-limit, store-then-fail, "
                        + "store-then-error or store-then-drop (these three also prefixed customer-)");
        }
    }

    boolean appliesTo(RequestKind request) {
        return waitsFor == null || waitsFor == request;
    }
}
