package com.caricomtr.agent.woo;

/**
 * A site's order storage, decided from the same options WooCommerce reads:
 * {@code woocommerce_custom_orders_table_enabled} picks the authoritative storage and
 * {@code woocommerce_custom_orders_table_data_sync_enabled} says whether WooCommerce mirrors every order into the
 * other one (compatibility mode). The agent always reads the authoritative storage.
 */
public record StorageMode(OrderStorage authoritative, boolean syncEnabled) {

    public static final StorageMode HPOS = new StorageMode(OrderStorage.HPOS, false);
    public static final StorageMode HPOS_WITH_SYNC = new StorageMode(OrderStorage.HPOS, true);
    public static final StorageMode POSTS = new StorageMode(OrderStorage.POSTS, false);

    /** The other storage, readable too when sync is on; used to cross-check. */
    public OrderStorage mirror() {
        return authoritative == OrderStorage.HPOS ? OrderStorage.POSTS : OrderStorage.HPOS;
    }

    public String describe() {
        return switch (authoritative) {
            case HPOS -> syncEnabled ? "HPOS with compatibility sync" : "HPOS";
            case POSTS -> syncEnabled ? "posts with compatibility sync" : "posts";
        };
    }
}
