package com.caricomtr.agent.woo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own generated shop, in each storage layout: the reader detects the layout, loads every order, each
 * reconciles, the stale placeholder addresses of HPOS mode are never read, and all three layouts yield the same
 * orders.
 */
class GeneratedShopReaderTest {
    private static final int ORDERS = 400;
    private static final Map<StorageLayout, List<Order>> READ = new EnumMap<>(StorageLayout.class);
    private static final Map<StorageLayout, StorageMode> MODES = new EnumMap<>(StorageLayout.class);

    @BeforeAll
    static void generateAndRead() {
        for (StorageLayout layout : StorageLayout.values()) {
            DatabaseSettings db = TestDatabase.get().newDatabase("gen_" + layout);
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
                DemoShopGenerator.generate(pool.dataSource(), "shop_", layout, ORDERS, 7);
                WooSite site = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of("shop_")).getFirst();
                MODES.put(layout, site.storage());
                OrderReader reader = OrderReader.create(pool.dataSource(), site.prefix(),
                        site.storage().authoritative(), ReaderSettings.DEFAULTS.withBatchSize(150));
                List<Order> orders = new ArrayList<>();
                reader.readAll(r -> {
                    assertThat(r.rejections()).isEmpty();
                    orders.addAll(r.orders());
                });
                READ.put(layout, orders);
            }
        }
    }

    @Test
    void theLayoutIsDetected() {
        assertThat(MODES).containsEntry(StorageLayout.HPOS, StorageMode.HPOS)
                .containsEntry(StorageLayout.HPOS_WITH_SYNC, StorageMode.HPOS_WITH_SYNC)
                .containsEntry(StorageLayout.POSTS, StorageMode.POSTS);
    }

    @Test
    void everyOrderLoadsAndReconciles() {
        READ.forEach((layout, orders) -> {
            assertThat(orders).as(layout.name()).hasSize(ORDERS);
            orders.forEach(o -> assertThat(OrderReconciliation.check(o)).as("%s order %d", layout, o.id()).isEmpty());
        });
    }

    @Test
    void placeholderPostsAreNeverRead() {
        assertThat(READ.get(StorageLayout.HPOS)).allSatisfy(o -> {
            assertThat(o.billing().address1()).doesNotContain("Eski adres");
            assertThat(o.shipping().address1()).doesNotContain("Eski adres");
        });
    }

    @Test
    void allThreeLayoutsYieldTheSameOrders() {
        List<Order> hpos = StorageIdentityTest.comparable(READ.get(StorageLayout.HPOS));
        for (StorageLayout other : List.of(StorageLayout.HPOS_WITH_SYNC, StorageLayout.POSTS)) {
            List<Order> orders = StorageIdentityTest.comparable(READ.get(other));
            for (int i = 0; i < hpos.size(); i++) {
                assertThat(orders.get(i)).as("%s order %d", other, hpos.get(i).id())
                        .usingRecursiveComparison().isEqualTo(hpos.get(i));
            }
        }
    }
}
