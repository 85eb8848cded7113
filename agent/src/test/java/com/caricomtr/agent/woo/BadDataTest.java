package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged data never breaks a batch: each damaged order loads with a problem naming the field, or is rejected
 * with the order and the field, while the other orders of the same batch load.
 */
class BadDataTest {
    private static JdbcConnectionPool hpos;
    private static JdbcConnectionPool legacy;
    private static LoadResult hposBatch;
    private static LoadResult legacyBatch;

    @BeforeAll
    static void damageCopiesOfTheFixtures() throws SQLException {
        DatabaseSettings hposDb = TestDatabase.get().fixtureCopy("hpos");
        DatabaseSettings legacyDb = TestDatabase.get().fixtureCopy("legacy");
        try (Connection c = TestDatabase.connect(hposDb); Statement s = c.createStatement()) {
            // 32: a corrupt serialized tax array on its first line.
            s.execute("UPDATE wp_woocommerce_order_itemmeta SET meta_value = 'a:2:{s:5:\"total\";a:1:{i:1;s:99:\"6'"
                    + " WHERE meta_key = '_line_tax_data' AND order_item_id = " + firstLine(32));
            // 33: no address rows at all.
            s.execute("DELETE FROM wp_wc_order_addresses WHERE order_id = 33");
            // 34: a status no WooCommerce knows.
            s.execute("UPDATE wp_wc_orders SET status = 'wc-kargoda' WHERE id = 34");
            // 35: NULL meta values: an optional one (the TCKN) and a required one (a line total).
            s.execute("UPDATE wp_wc_orders_meta SET meta_value = NULL WHERE order_id = 35"
                    + " AND meta_key = '_billing_tc_kimlik'");
            s.execute("UPDATE wp_woocommerce_order_itemmeta SET meta_value = NULL WHERE meta_key = '_line_total'"
                    + " AND order_item_id = " + firstLine(35));
            // 37: an amount that is not a number.
            s.execute("UPDATE wp_wc_orders SET total_amount = NULL WHERE id = 37");
            // 36: 5,000 more lines, copies of its first one.
            addLines(s, 36, 5000);
        }
        try (Connection c = TestDatabase.connect(legacyDb); Statement s = c.createStatement()) {
            s.execute("UPDATE wp_woocommerce_order_itemmeta SET meta_value = 'O:8:\"stdClass\":1:{garbage'"
                    + " WHERE meta_key = '_line_tax_data' AND order_item_id = " + firstLine(32));
            s.execute("UPDATE wp_postmeta SET meta_value = NULL WHERE post_id = 35 AND meta_key = '_billing_tc_kimlik'");
            s.execute("UPDATE wp_postmeta SET meta_value = 'on iki lira' WHERE post_id = 37"
                    + " AND meta_key = '_order_total'");
            s.execute("UPDATE wp_posts SET post_status = 'wc-kargoda' WHERE ID = 34");
        }
        hpos = JdbcConnectionPool.open(hposDb);
        legacy = JdbcConnectionPool.open(legacyDb);
        List<Long> ids = java.util.stream.LongStream.rangeClosed(32, 71).boxed().toList();
        hposBatch = reader(hpos, OrderStorage.HPOS).load(ids);
        legacyBatch = reader(legacy, OrderStorage.POSTS).load(ids);
    }

    @AfterAll
    static void close() {
        hpos.close();
        legacy.close();
    }

    @Test
    void theRestOfTheBatchLoads() {
        assertThat(hposBatch.orders()).hasSize(38);
        assertThat(hposBatch.rejections()).extracting(Rejection::orderId).containsExactly(35L, 37L);
        assertThat(legacyBatch.orders()).hasSize(39);
        assertThat(legacyBatch.rejections()).extracting(Rejection::orderId).containsExactly(37L);
    }

    @Test
    void corruptSerializedTaxesAreRecoveredAndRecorded() {
        for (LoadResult batch : List.of(hposBatch, legacyBatch)) {
            Order order = order(batch, 32);
            assertThat(order.problems()).anySatisfy(p -> {
                assertThat(p.field()).isEqualTo("line_items[0]._line_tax_data");
                assertThat(p.message()).contains("not readable").contains("assigned to rate 1");
            });
            assertThat(order.lineItems().getFirst().taxes().byRateId()).isEqualTo(Map.of(1L, new BigDecimal("63.3")));
            assertThat(OrderReconciliation.check(order)).isEmpty();
        }
    }

    @Test
    void aMissingAddressIsRecorded() {
        Order order = order(hposBatch, 33);
        assertThat(order.problems()).extracting(Problem::field).contains("billing");
        assertThat(order.billing().email()).isEqualTo("elif.kaya@example.test");
        assertThat(order.shipping().isEmpty()).isTrue();
    }

    @Test
    void anUnknownStatusIsRecorded() {
        for (LoadResult batch : List.of(hposBatch, legacyBatch)) {
            Order order = order(batch, 34);
            assertThat(order.status()).isEqualTo("kargoda");
            assertThat(order.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("status"));
        }
    }

    @Test
    void aDeletedProductIsRecorded() {
        Order order = order(hposBatch, 46);
        assertThat(order.problems()).anySatisfy(p -> {
            assertThat(p.field()).endsWith("._product_id");
            assertThat(p.message()).contains("product 22 no longer exists");
        });
        assertThat(order.lineItems()).anySatisfy(l -> assertThat(l.productId()).isEqualTo(22));
    }

    @Test
    void aNullOptionalMetaIsAbsentAndANullRequiredOneRejectsNamingTheField() {
        assertThat(order(legacyBatch, 35).taxIdentity().tckn()).isEmpty();
        assertThat(hposBatch.rejections()).filteredOn(r -> r.orderId() == 35).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("line_items[0]._line_total");
            assertThat(r.message()).contains("missing");
        });
    }

    @Test
    void anUnreadableTotalRejectsNamingTheField() {
        assertThat(hposBatch.rejections()).filteredOn(r -> r.orderId() == 37).singleElement()
                .satisfies(r -> assertThat(r.field()).isEqualTo("total"));
        assertThat(legacyBatch.rejections()).filteredOn(r -> r.orderId() == 37).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("total");
            assertThat(r.message()).contains("on iki lira");
        });
    }

    @Test
    void anOrderWithFiveThousandLinesLoadsInTheSameStatements() {
        Order order = order(hposBatch, 36);
        assertThat(order.lineItems()).hasSize(5002);
        OrderReader reader = reader(hpos, OrderStorage.HPOS);
        reader.load(List.of(36L));
        // Tax rates, headers, where the order meta lies, the order meta, items, where their meta lies, the item
        // meta, products.
        assertThat(reader.statementCount()).isLessThanOrEqualTo(8);
    }

    @Test
    void unknownIdsAreRejectedByName() {
        LoadResult result = reader(hpos, OrderStorage.HPOS).load(List.of(32L, 72L, 999_999L));
        assertThat(result.orders()).extracting(Order::id).containsExactly(32L);
        assertThat(result.rejections()).extracting(Rejection::orderId).containsExactly(72L, 999_999L);
        assertThat(result.rejections()).allSatisfy(r -> assertThat(r.field()).isEqualTo("id"));
    }

    private static OrderReader reader(JdbcConnectionPool pool, OrderStorage storage) {
        return OrderReader.create(pool.dataSource(), TablePrefix.of("wp_"), storage, ReaderSettings.DEFAULTS);
    }

    private static Order order(LoadResult batch, long id) {
        return batch.orders().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    private static String firstLine(long orderId) {
        return "(SELECT MIN(order_item_id) FROM wp_woocommerce_order_items WHERE order_id = " + orderId
                + " AND order_item_type = 'line_item')";
    }

    private static void addLines(Statement s, long orderId, int count) throws SQLException {
        s.execute("CREATE TEMPORARY TABLE seq (n INT PRIMARY KEY)");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            values.append(i == 1 ? "" : ",").append('(').append(i).append(')');
        }
        s.execute("INSERT INTO seq VALUES " + values);
        s.execute("SET @first = " + firstLine(orderId).replace("(SELECT", "(SELECT").trim());
        s.execute("SET @base = (SELECT MAX(order_item_id) FROM wp_woocommerce_order_items)");
        s.execute("INSERT INTO wp_woocommerce_order_items (order_item_id, order_item_name, order_item_type, order_id)"
                + " SELECT @base + n, CONCAT('Ek satır ', n), 'line_item', " + orderId + " FROM seq");
        s.execute("INSERT INTO wp_woocommerce_order_itemmeta (order_item_id, meta_key, meta_value)"
                + " SELECT @base + n, m.meta_key, m.meta_value FROM seq JOIN wp_woocommerce_order_itemmeta m"
                + " ON m.order_item_id = @first");
    }
}
