package com.caricomtr.sandbox.faults;

import java.util.Locale;

/** How a stored invoice's answer is lost in the {@code store-then-fail} fault. */
public enum StoreThenFail {
    /** Answer 500 SUNUCU_HATASI. */
    ERROR,
    /** Close the connection without an answer. */
    DROP;

    public static StoreThenFail parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected error or drop, got \"" + text + "\"");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
