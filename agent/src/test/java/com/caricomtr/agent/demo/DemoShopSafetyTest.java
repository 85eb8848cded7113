package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.demo.DemoShopGeneratorTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator never mixes into an existing shop, and the identity check does notice broken amounts. */
class DemoShopSafetyTest {

    @Test
    void refusesADatabaseThatAlreadyHoldsAShopAndLeavesItAlone() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("twice");
        try (Connection c = TestDatabase.connect(db)) {
            DemoShop first = DemoShopGenerator.generate(c, "wp_", StorageLayout.HPOS, 30, 1);
            assertThatThrownBy(() -> DemoShopGenerator.generate(c, "wp_", StorageLayout.HPOS, 30, 2))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has rows");
            assertThat(count(c, "SELECT COUNT(*) FROM wp_wc_orders WHERE type = 'shop_order'")).isEqualTo(30);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(first.lastOrderId()).isEqualTo(first.firstOrderId() + 29);
        }
    }

    @Test
    void zeroOrdersStillGivesAConfiguredShop() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("empty_shop");
        try (Connection c = TestDatabase.connect(db)) {
            DemoShop shop = DemoShopGenerator.generate(c, "wp_", StorageLayout.POSTS, 0, 1);
            assertThat(shop.orderCount()).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM wp_options")).isPositive();
            assertThat(count(c, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'product'")).isPositive();
        }
        assertThatThrownBy(() -> DemoShopGenerator.generate((Connection) null, "wp_", StorageLayout.HPOS, 1, 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void identityCheckNoticesAKurusOff() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("tampered");
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
            DemoShopGenerator.generate(c, "wp_", StorageLayout.HPOS, 40, 3);
            assertThat(WooIdentities.violations(StoredOrders.read(c, "wp_"))).isEmpty();
            s.executeUpdate("UPDATE wp_woocommerce_order_itemmeta SET meta_value = meta_value + 0.01"
                    + " WHERE meta_key = '_line_tax' AND order_item_id = (SELECT MIN(i.order_item_id) FROM"
                    + " wp_woocommerce_order_items i WHERE i.order_item_type = 'line_item' AND i.order_id = 100)");
            s.executeUpdate("UPDATE wp_wc_orders SET total_amount = total_amount + 0.01 WHERE id = 101");
            List<String> violations = WooIdentities.violations(StoredOrders.read(c, "wp_"));
            assertThat(violations).anyMatch(v -> v.startsWith("order 100: line_item") && v.contains("_line_tax"))
                    .anyMatch(v -> v.startsWith("order 101: order total"));
        }
    }
}
