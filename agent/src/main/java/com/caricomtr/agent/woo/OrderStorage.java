package com.caricomtr.agent.woo;

/** Where WooCommerce keeps orders. */
public enum OrderStorage {
    /** High-performance order storage: {@code wc_orders} and its sibling tables. */
    HPOS,
    /** Legacy storage: {@code posts} of type {@code shop_order} with {@code postmeta}. */
    POSTS
}
