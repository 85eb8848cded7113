package com.caricomtr.agent.woo;

import java.util.regex.Pattern;

/**
 * A WordPress table prefix such as {@code wp_} or {@code wp_3_}. Table names cannot be bound as SQL parameters,
 * so the prefix is spliced into SQL text: only letters, digits and {@code _} are accepted, which makes that safe.
 */
public record TablePrefix(String value) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public TablePrefix {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("table prefix must be 1-64 letters, digits or '_', got '" + value + "'");
        }
    }

    public static TablePrefix of(String value) {
        return new TablePrefix(value);
    }

    /** The full table name, e.g. {@code wp_wc_orders} for {@code wc_orders}. */
    public String table(String name) {
        return value + name;
    }

    @Override
    public String toString() {
        return value;
    }
}
