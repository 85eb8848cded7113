package com.caricomtr.agent.woo;

import java.util.HashMap;
import java.util.Map;

/** One row of {@code woocommerce_order_items} with the item meta the reader asked for. */
final class RawItem {
    final long id;
    final String type;
    final String name;
    final Map<String, String> meta = new HashMap<>(16);

    RawItem(long id, String type, String name) {
        this.id = id;
        this.type = type;
        this.name = name == null ? "" : name;
    }

    String meta(String key) {
        return meta.get(key);
    }
}
