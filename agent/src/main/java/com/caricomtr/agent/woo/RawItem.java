package com.caricomtr.agent.woo;

/** One row of {@code woocommerce_order_items} with the item meta the reader asked for. */
final class RawItem {
    private static final int KEYS = ItemMeta.values().length;

    final long id;
    final String type;
    final String name;
    private final String[] meta = new String[KEYS];

    RawItem(long id, String type, String name) {
        this.id = id;
        this.type = type;
        this.name = name == null ? "" : name;
    }

    /** Keeps the first value of a key, as WordPress's single-value meta read does. */
    void put(ItemMeta key, String value) {
        if (meta[key.ordinal()] == null) {
            meta[key.ordinal()] = value;
        }
    }

    String meta(ItemMeta key) {
        return meta[key.ordinal()];
    }
}
