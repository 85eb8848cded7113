package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed gives the same shop, byte for byte, and the same orders in every storage layout. */
class DemoShopDeterminismTest {

    @Test
    void sameSeedSameRowsAnotherSeedOtherRows() throws Exception {
        Map<String, String> first = digest(StorageLayout.HPOS_WITH_SYNC, 300, 99);
        Map<String, String> again = digest(StorageLayout.HPOS_WITH_SYNC, 300, 99);
        Map<String, String> other = digest(StorageLayout.HPOS_WITH_SYNC, 300, 100);
        assertThat(again).isEqualTo(first);
        assertThat(other.get("woocommerce_order_itemmeta")).isNotEqualTo(first.get("woocommerce_order_itemmeta"));
        assertThat(other.get("wc_orders")).isNotEqualTo(first.get("wc_orders"));
    }

    @Test
    void everyLayoutStoresTheSameOrders() throws Exception {
        GeneratedShops.Generated hpos = GeneratedShops.of(StorageLayout.HPOS);
        GeneratedShops.Generated sync = GeneratedShops.of(StorageLayout.HPOS_WITH_SYNC);
        GeneratedShops.Generated posts = GeneratedShops.of(StorageLayout.POSTS);
        try (Connection h = hpos.connect(); Connection s = sync.connect(); Connection p = posts.connect()) {
            Map<Long, Map<String, String>> reference = OrderView.fromHpos(h, "wp_");
            assertThat(OrderView.fromHpos(s, "wp_")).isEqualTo(reference);
            assertThat(OrderView.fromPosts(p, "wp_")).isEqualTo(reference);
            Map<String, String> hposDigest = ShopDigest.of(h, "wp_");
            for (Connection c : new Connection[] {s, p}) {
                Map<String, String> digest = ShopDigest.of(c, "wp_");
                for (String table : new String[] {"woocommerce_order_items", "woocommerce_order_itemmeta", "users",
                        "usermeta", "woocommerce_tax_rates", "wc_tax_rate_classes"}) {
                    assertThat(digest.get(table)).as(table).isEqualTo(hposDigest.get(table));
                }
            }
        }
    }

    private static Map<String, String> digest(StorageLayout layout, int orders, long seed) throws Exception {
        try (Connection c = GeneratedShops.generate(layout, orders, seed).connect()) {
            return ShopDigest.of(c, "wp_");
        }
    }
}
