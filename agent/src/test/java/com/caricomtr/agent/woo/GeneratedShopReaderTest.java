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
    private static final Map<StorageLayout, DatabaseSettings> DATABASES = new EnumMap<>(StorageLayout.class);

    @BeforeAll
    static void generateAndRead() {
        for (StorageLayout layout : StorageLayout.values()) {
            DatabaseSettings db = TestDatabase.get().newDatabase("gen_" + layout);
            DATABASES.put(layout, db);
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

    /**
     * Consecutive orders have their meta in one stretch of meta ids and are read by a primary-key scan; orders from
     * both ends of the shop are not, and are read through the owner index. Both paths must yield the same orders.
     */
    @Test
    void scatteredOrdersReadTheSameAsConsecutiveOnes() throws Exception {
        for (StorageLayout layout : StorageLayout.values()) {
            List<Order> all = READ.get(layout);
            List<Order> ends = new ArrayList<>(all.subList(0, 20));
            ends.addAll(all.subList(all.size() - 20, all.size()));
            List<Long> ids = ends.stream().map(Order::id).toList();
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(DATABASES.get(layout));
                 java.sql.Connection c = pool.dataSource().getConnection()) {
                String first150 = Sql.idList(all.subList(0, 150).stream().map(Order::id).toList());
                String itemSpan = "SELECT MIN(m.meta_id), MAX(m.meta_id), COUNT(*) FROM shop_woocommerce_order_itemmeta m"
                        + " JOIN shop_woocommerce_order_items i ON i.order_item_id = m.order_item_id WHERE i.order_id IN (";
                assertThat(MetaSpan.of(c, new Sql(), itemSpan + first150 + ")").scanPays()).as(layout.name()).isTrue();
                assertThat(MetaSpan.of(c, new Sql(), itemSpan + Sql.idList(ids) + ")").scanPays()).as(layout.name())
                        .isFalse();
                String postSpan = layout == StorageLayout.POSTS
                        ? "SELECT MIN(meta_id), MAX(meta_id), COUNT(*) FROM shop_postmeta WHERE post_id IN ("
                        : "SELECT MIN(id), MAX(id), COUNT(*) FROM shop_wc_orders_meta WHERE order_id IN (";
                {
                    assertThat(MetaSpan.of(c, new Sql(), postSpan + first150 + ")").scanPays()).isTrue();
                    assertThat(MetaSpan.of(c, new Sql(), postSpan + Sql.idList(ids) + ")").scanPays()).isFalse();
                }
                OrderReader reader = OrderReader.create(pool.dataSource(), TablePrefix.of("shop_"),
                        MODES.get(layout).authoritative(), ReaderSettings.DEFAULTS);
                LoadResult scattered = reader.load(ids);
                assertThat(scattered.rejections()).isEmpty();
                assertThat(StorageIdentityTest.comparable(scattered.orders())).as(layout.name())
                        .usingRecursiveComparison().isEqualTo(StorageIdentityTest.comparable(ends));
            }
        }
    }
}
