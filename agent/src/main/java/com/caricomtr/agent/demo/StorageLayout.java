package com.caricomtr.agent.demo;

/**
 * Where a WooCommerce 9.9 shop keeps its orders, as decided by the options
 * {@code woocommerce_custom_orders_table_enabled} and {@code woocommerce_custom_orders_table_data_sync_enabled}.
 * Order items ({@code woocommerce_order_items}/{@code _itemmeta}) are shared by all three.
 */
public enum StorageLayout {
    /**
     * HPOS authoritative, sync off. {@code wp_posts} holds only {@code shop_order_placehold} rows (status
     * {@code draft}) with the orders' ids, and their postmeta still carries {@code _billing_*}/{@code _shipping_*}
     * rows that WooCommerce never updates again: a reader must not take addresses from there.
     */
    HPOS(true, false),
    /** HPOS authoritative and every order also written, identically, as {@code shop_order} posts with postmeta. */
    HPOS_WITH_SYNC(true, true),
    /** Legacy: {@code shop_order}/{@code shop_order_refund} posts are authoritative; HPOS tables exist, empty. */
    POSTS(false, false);

    private final boolean hposAuthoritative;
    private final boolean syncEnabled;

    StorageLayout(boolean hposAuthoritative, boolean syncEnabled) {
        this.hposAuthoritative = hposAuthoritative;
        this.syncEnabled = syncEnabled;
    }

    /** Value of {@code woocommerce_custom_orders_table_enabled}. */
    public boolean hposAuthoritative() {
        return hposAuthoritative;
    }

    /** Value of {@code woocommerce_custom_orders_table_data_sync_enabled}. */
    public boolean syncEnabled() {
        return syncEnabled;
    }

    /** Whether orders are written to the HPOS tables. */
    public boolean writesHposTables() {
        return hposAuthoritative;
    }

    /** Whether orders are written as full {@code shop_order}/{@code shop_order_refund} posts with postmeta. */
    public boolean writesOrderPosts() {
        return !hposAuthoritative || syncEnabled;
    }
}
