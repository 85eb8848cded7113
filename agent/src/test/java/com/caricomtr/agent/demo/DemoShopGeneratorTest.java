package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.caricomtr.agent.demo.OrderView.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated shop per storage layout (see {@link GeneratedShops}): the right options, the authoritative storage
 * filled and the other one empty (or placeholder-only), WooCommerce's money identities, valid Turkish tax numbers.
 */
class DemoShopGeneratorTest {

    @ParameterizedTest
    @EnumSource(StorageLayout.class)
    void writesTheStorageOptionsOfItsLayout(StorageLayout layout) throws Exception {
        try (Connection c = GeneratedShops.of(layout).connect()) {
            Map<String, String> options = rows(c, "SELECT option_name, option_value FROM wp_options").stream()
                    .collect(Collectors.toMap(r -> r.get("option_name"), r -> r.get("option_value")));
            assertThat(options)
                    .containsEntry("woocommerce_custom_orders_table_enabled",
                            layout == StorageLayout.POSTS ? "no" : "yes")
                    .containsEntry("woocommerce_custom_orders_table_data_sync_enabled",
                            layout == StorageLayout.HPOS_WITH_SYNC ? "yes" : "no")
                    .containsEntry("woocommerce_custom_orders_table_created", "yes")
                    .containsEntry("woocommerce_currency", "TRY")
                    .containsEntry("woocommerce_prices_include_tax", "yes")
                    .containsEntry("woocommerce_calc_taxes", "yes")
                    .containsEntry("woocommerce_tax_based_on", "shipping")
                    .containsEntry("woocommerce_default_country", "TR:TR34")
                    .containsEntry("timezone_string", "Europe/Istanbul")
                    .containsEntry("woocommerce_version", "9.9.5");
            assertThat(rows(c, "SELECT tax_rate_id, tax_rate, tax_rate_name, tax_rate_class FROM"
                    + " wp_woocommerce_tax_rates ORDER BY tax_rate_id")).containsExactly(
                    Map.of("tax_rate_id", "1", "tax_rate", "20.0000", "tax_rate_name", "KDV 20%", "tax_rate_class", ""),
                    Map.of("tax_rate_id", "2", "tax_rate", "10.0000", "tax_rate_name", "KDV 10%", "tax_rate_class",
                            "reduced-rate"),
                    Map.of("tax_rate_id", "3", "tax_rate", "1.0000", "tax_rate_name", "KDV 1%", "tax_rate_class",
                            "kdv-1"));
        }
    }

    @ParameterizedTest
    @EnumSource(StorageLayout.class)
    void authoritativeStorageHoldsEveryOrderAndRefund(StorageLayout layout) throws Exception {
        GeneratedShops.Generated g = GeneratedShops.of(layout);
        int orders = g.shop().orderCount();
        int refunds = g.shop().refundCount();
        assertThat(refunds).as("refunds in %s orders", orders).isGreaterThan(orders / 50);
        try (Connection c = g.connect()) {
            Map<String, Long> posts = countBy(c, "SELECT post_type AS k, COUNT(*) AS n FROM wp_posts"
                    + " GROUP BY post_type");
            Map<String, Long> hpos = countBy(c, "SELECT type AS k, COUNT(*) AS n FROM wp_wc_orders GROUP BY type");
            long items = count(c, "SELECT COUNT(DISTINCT order_id) FROM wp_woocommerce_order_items");
            assertThat(items).as("orders and line-refunds with items").isGreaterThan(orders);
            if (layout.hposAuthoritative()) {
                assertThat(hpos).containsEntry("shop_order", (long) orders).containsEntry("shop_order_refund",
                        (long) refunds);
                assertThat(count(c, "SELECT COUNT(*) FROM wp_wc_order_operational_data")).isEqualTo(orders + refunds);
                assertThat(count(c, "SELECT COUNT(*) FROM wp_wc_order_addresses")).isEqualTo(2L * orders);
            } else {
                assertThat(hpos).isEmpty();
                for (String table : List.of("wp_wc_order_addresses", "wp_wc_order_operational_data",
                        "wp_wc_orders_meta")) {
                    assertThat(count(c, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
                }
            }
            if (layout.writesOrderPosts()) {
                assertThat(posts).containsEntry("shop_order", (long) orders)
                        .containsEntry("shop_order_refund", (long) refunds).doesNotContainKey("shop_order_placehold");
            } else {
                assertThat(posts).containsEntry("shop_order_placehold", (long) orders + refunds)
                        .doesNotContainKeys("shop_order", "shop_order_refund");
                assertThat(count(c, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'shop_order_placehold'"
                        + " AND post_status <> 'draft'")).isZero();
                assertThat(count(c, "SELECT COUNT(*) FROM wp_posts p JOIN wp_wc_orders o ON o.id = p.ID"
                        + " WHERE p.post_parent <> o.parent_order_id")).as("placeholder parents").isZero();
            }
            assertThat(posts).containsKeys("product", "product_variation", "shop_coupon");
        }
    }

    /** The trap for readers: in HPOS mode the placeholders' address postmeta is stale and must not be used. */
    @ParameterizedTest
    @EnumSource(value = StorageLayout.class, names = "HPOS")
    void placeholderPostmetaHoldsADifferentStaleAddress(StorageLayout layout) throws Exception {
        try (Connection c = GeneratedShops.of(layout).connect()) {
            assertThat(rows(c, "SELECT DISTINCT m.meta_key FROM wp_postmeta m JOIN wp_posts p ON p.ID = m.post_id"
                    + " WHERE p.post_type = 'shop_order_placehold'")).extracting(r -> r.get("meta_key"))
                    .allMatch(k -> k.startsWith("_billing_") || k.startsWith("_shipping_")).hasSize(21);
            String sameAsHpos = "SELECT COUNT(*) FROM wp_postmeta m JOIN wp_wc_order_addresses a"
                    + " ON a.order_id = m.post_id AND a.address_type = '%s'"
                    + " WHERE m.meta_key = '_%s_%s' AND m.meta_value = a.%s";
            for (String type : List.of("billing", "shipping")) {
                for (String field : List.of("address_1", "city", "postcode")) {
                    assertThat(count(c, sameAsHpos.formatted(type, type, field, field)))
                            .as("%s %s equal in stale postmeta and HPOS", type, field).isZero();
                }
            }
            assertThat(count(c, "SELECT COUNT(DISTINCT post_id) FROM wp_postmeta"
                    + " WHERE meta_key = '_billing_address_1'"))
                    .isEqualTo(GeneratedShops.of(layout).shop().orderCount());
        }
    }

    @ParameterizedTest
    @EnumSource(value = StorageLayout.class, names = "HPOS_WITH_SYNC")
    void syncedPostsMirrorHposExactly(StorageLayout layout) throws Exception {
        try (Connection c = GeneratedShops.of(layout).connect()) {
            Map<Long, Map<String, String>> hpos = OrderView.fromHpos(c, "wp_");
            assertThat(hpos).hasSize(GeneratedShops.ORDERS + GeneratedShops.of(layout).shop().refundCount());
            assertThat(OrderView.fromPosts(c, "wp_")).isEqualTo(hpos);
        }
    }

    @ParameterizedTest
    @EnumSource(StorageLayout.class)
    void storedAmountsSatisfyWooCommercesIdentities(StorageLayout layout) throws Exception {
        GeneratedShops.Generated g = GeneratedShops.of(layout);
        try (Connection c = g.connect()) {
            StoredOrders orders = StoredOrders.read(c, "wp_");
            assertThat(orders.hpos()).isEqualTo(layout.hposAuthoritative());
            assertThat(orders.headers()).hasSize(g.shop().orderCount() + g.shop().refundCount());
            assertThat(WooIdentities.violations(orders)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageLayout.class)
    void turkishTaxNumbersAreValidAndForeignBuyersHaveNone(StorageLayout layout) throws Exception {
        try (Connection c = GeneratedShops.of(layout).connect()) {
            String meta = layout.hposAuthoritative()
                    ? "SELECT order_id AS id, meta_key, meta_value FROM wp_wc_orders_meta"
                    : "SELECT post_id AS id, meta_key, meta_value FROM wp_postmeta";
            List<Map<String, String>> ids = rows(c, meta + " WHERE meta_key IN ('_billing_tc_kimlik',"
                    + " '_billing_vergi_no', '_billing_vergi_dairesi')");
            assertThat(ids).filteredOn(r -> r.get("meta_key").equals("_billing_tc_kimlik")).isNotEmpty()
                    .allSatisfy(r -> assertThat(TurkishTaxNumbers.isValidTckn(r.get("meta_value"))).as(r.toString())
                            .isTrue());
            assertThat(ids).filteredOn(r -> r.get("meta_key").equals("_billing_vergi_no")).isNotEmpty()
                    .allSatisfy(r -> assertThat(TurkishTaxNumbers.isValidVkn(r.get("meta_value"))).as(r.toString())
                            .isTrue());
            assertThat(ids).filteredOn(r -> r.get("meta_key").equals("_billing_vergi_dairesi"))
                    .allSatisfy(r -> assertThat(r.get("meta_value")).endsWith("Vergi Dairesi"));
            Map<Long, Map<String, String>> view = layout.hposAuthoritative() ? OrderView.fromHpos(c, "wp_")
                    : OrderView.fromPosts(c, "wp_");
            List<Map<String, String>> foreign = view.values().stream()
                    .filter(o -> "DE".equals(o.get("billing_country"))).toList();
            assertThat(foreign).isNotEmpty().allSatisfy(o -> assertThat(o).doesNotContainKeys(
                    "meta_billing_tc_kimlik", "meta_billing_vergi_no").containsEntry("tax", "0.00"));
            assertThat(view.values()).filteredOn(o -> o.containsKey("meta_billing_vergi_no"))
                    .allSatisfy(o -> assertThat(o).containsKey("billing_company").doesNotContainKey(
                            "meta_billing_tc_kimlik"));
        }
    }

    private static Map<String, Long> countBy(Connection c, String sql) throws Exception {
        return rows(c, sql).stream().collect(Collectors.toMap(r -> r.get("k"), r -> Long.parseLong(r.get("n"))));
    }

    static long count(Connection c, String sql) throws Exception {
        return Long.parseLong(rows(c, sql).getFirst().values().iterator().next());
    }
}
