package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.testing.TestDatabase;

import com.caricomtr.agent.testing.FixtureOrders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storage detection from WooCommerce's options, prefix validation, and multisite discovery. */
class SiteDiscoveryTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "yes, no,  HPOS,  false",
            "yes, yes, HPOS,  true",
            "no,  no,  POSTS, false",
            "no,  yes, POSTS, true",
            "-,   -,   POSTS, false"})
    void storageIsDecidedByTheOptionsWooCommerceReads(String hpos, String sync, OrderStorage storage, boolean synced)
            throws SQLException {
        DatabaseSettings db = TestDatabase.get().newDatabase("detect");
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE shop_options (option_id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " option_name VARCHAR(191) NOT NULL UNIQUE, option_value LONGTEXT NOT NULL)");
            if (hpos != null) {
                s.execute("INSERT INTO shop_options (option_name, option_value) VALUES"
                        + " ('woocommerce_custom_orders_table_enabled', '" + hpos + "'),"
                        + " ('woocommerce_custom_orders_table_data_sync_enabled', '" + sync + "')");
            }
            assertThat(StorageDetector.detect(c, TablePrefix.of("shop_")))
                    .isEqualTo(new StorageMode(storage, synced));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wp-", "wp_; DROP TABLE wp_users; --", "wp`", "wp_ ", "ş_", "a.b"})
    void unsafePrefixesAreRefused(String prefix) {
        assertThatThrownBy(() -> TablePrefix.of(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits or '_'");
    }

    @Test
    void multisiteHasOneShopPerBlogWithWooCommerce() throws SQLException {
        DatabaseSettings network = TestDatabase.get().fixtureCopy("hpos");
        DatabaseSettings legacy = TestDatabase.get().fixture("legacy");
        String legacySchema = legacy.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        try (Connection c = TestDatabase.connect(network); Statement s = c.createStatement()) {
            for (String table : List.of("options", "posts", "postmeta", "wc_orders", "wc_orders_meta",
                    "wc_order_addresses", "wc_order_operational_data", "woocommerce_order_items",
                    "woocommerce_order_itemmeta", "woocommerce_tax_rates")) {
                s.execute("CREATE TABLE wp_2_" + table + " LIKE `" + legacySchema + "`.wp_" + table);
                s.execute("INSERT INTO wp_2_" + table + " SELECT * FROM `" + legacySchema + "`.wp_" + table);
            }
            s.execute("CREATE TABLE wp_3_options LIKE wp_options");
            s.execute("CREATE TABLE wp_blogs (blog_id BIGINT(20) NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " site_id BIGINT(20) NOT NULL DEFAULT 0, domain VARCHAR(200) NOT NULL DEFAULT '',"
                    + " path VARCHAR(100) NOT NULL DEFAULT '', public TINYINT(2) NOT NULL DEFAULT 1,"
                    + " archived TINYINT(2) NOT NULL DEFAULT 0, spam TINYINT(2) NOT NULL DEFAULT 0,"
                    + " deleted TINYINT(2) NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO wp_blogs (blog_id, domain, path) VALUES (1, 'shop.test', '/'),"
                    + " (2, 'shop.test', '/eski/'), (3, 'shop.test', '/blog/')");
        }
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(network)) {
            List<WooSite> sites = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of("wp_"));

            assertThat(sites).extracting(WooSite::blogId).containsExactly(1L, 2L);
            assertThat(sites.get(0).prefix().value()).isEqualTo("wp_");
            assertThat(sites.get(0).storage()).isEqualTo(StorageMode.HPOS);
            assertThat(sites.get(1).prefix().value()).isEqualTo("wp_2_");
            assertThat(sites.get(1).storage()).isEqualTo(StorageMode.POSTS);

            OrderReader blog2 = OrderReader.create(pool.dataSource(), sites.get(1).prefix(),
                    sites.get(1).storage().authoritative(), ReaderSettings.DEFAULTS);
            LoadResult result = blog2.load(blog2.orderIds(0, 100));
            assertThat(StorageIdentityTest.comparable(result.orders()))
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(StorageIdentityTest.comparable(
                            FixtureOrders.read("legacy", null).orders()));
        }
    }
}
