package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.caricomtr.agent.demo.OrderView.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table prefix goes into SQL text, so anything but letters, digits and underscores is refused before any SQL. */
class WooSchemaPrefixTest {

    @ParameterizedTest
    @ValueSource(strings = {"wp_", "wp_2_", "Shop_1", "x", "wp_blog_37_", "A12345678901234567890123456789012_"})
    void acceptsWordPressStylePrefixes(String prefix) {
        assertThat(WooSchema.validatePrefix(prefix)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"wp_; DROP TABLE x", "wp_`", "wp_' OR 1=1 --", "wp-", "wp ", " wp_", "wp_\n", "wp_\u0000",
            "wp_ş", "wp_İ", "wp.", "wp_/*", "wp_\\", "wp_%", "wp_🎁",
            "A123456789012345678901234567890123_"})
    void refusesEverythingElse(String prefix) {
        assertThatThrownBy(() -> WooSchema.validatePrefix(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table prefix");
    }

    @Test
    void hostilePrefixIsRefusedBeforeAnyTableIsTouched() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("hostile_prefix");
        try (Connection c = TestDatabase.connect(db)) {
            c.createStatement().execute("CREATE TABLE x (id int)");
            for (String hostile : List.of("wp_; DROP TABLE x", "wp_` (id int); DROP TABLE x; CREATE TABLE `y")) {
                assertThatThrownBy(() -> DemoShopGenerator.generate(c, hostile, StorageLayout.HPOS, 5, 1))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("only ASCII letters, digits and _");
                assertThatThrownBy(() -> WooSchema.create(c, hostile)).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))
                    .extracting(r -> r.get("TABLE_NAME")).containsExactly("x");
        }
    }

    @Test
    void anotherPrefixGetsItsOwnTablesAndCapabilityKey() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("prefix_shop7");
        try (Connection c = TestDatabase.connect(db)) {
            DemoShop shop = DemoShopGenerator.generate(c, "shop7_", StorageLayout.POSTS, 20, 5);
            assertThat(shop.prefix()).isEqualTo("shop7_");
            List<String> tables = rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                    + " DATABASE()").stream().map(r -> r.get("TABLE_NAME")).toList();
            assertThat(tables).containsExactlyInAnyOrderElementsOf(
                    WooSchema.SINGLE_SITE_TABLES.stream().map(t -> "shop7_" + t).toList());
            assertThat(DemoShopGeneratorTest.count(c, "SELECT COUNT(*) FROM shop7_usermeta WHERE meta_key ="
                    + " 'shop7_capabilities'")).isEqualTo(DemoShopGenerator.REGISTERED_CUSTOMERS + 1);
            assertThat(WooIdentities.violations(StoredOrders.read(c, "shop7_"))).isEmpty();
        }
    }

    @Test
    void multisiteTablesGoUnderTheirOwnPrefixes() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("multisite");
        try (Connection c = TestDatabase.connect(db)) {
            WooSchema.createNetworkTables(c, "wp_");
            WooSchema.createSiteTables(c, "wp_");
            WooSchema.createSiteTables(c, "wp_2_");
            WooSchema.createSiteTables(c, "wp_2_"); // IF NOT EXISTS: running twice is harmless
            List<String> tables = rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                    + " DATABASE()").stream().map(r -> r.get("TABLE_NAME")).toList();
            assertThat(tables).contains("wp_blogs", "wp_users", "wp_usermeta", "wp_posts", "wp_2_posts",
                    "wp_2_wc_orders").doesNotContain("wp_2_users", "wp_2_blogs");
            assertThat(rows(c, "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'wp_blogs' ORDER BY ORDINAL_POSITION"))
                    .extracting(r -> r.get("COLUMN_NAME")).containsExactly("blog_id", "site_id", "domain", "path",
                            "registered", "last_updated", "public", "archived", "mature", "spam", "deleted", "lang_id");
        }
    }
}
