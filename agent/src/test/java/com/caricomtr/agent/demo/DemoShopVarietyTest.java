package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.demo.DemoShopGeneratorTest.count;
import static com.caricomtr.agent.demo.OrderView.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** The generated shop contains every kind of order the agent has to turn into an invoice. */
class DemoShopVarietyTest {

    @Test
    void ordersCoverTheCasesTheAgentMustHandle() throws Exception {
        try (Connection c = GeneratedShops.of(StorageLayout.HPOS).connect()) {
            Collection<Map<String, String>> orders = OrderView.fromHpos(c, "wp_").values();
            List<Map<String, String>> sales = orders.stream().filter(o -> o.get("type").equals("shop_order")).toList();
            assertThat(sales).extracting(o -> o.get("status")).contains("wc-completed", "wc-processing", "wc-on-hold",
                    "wc-pending", "wc-cancelled", "wc-failed", "wc-refunded");
            assertThat(sales).anyMatch(o -> o.get("customer").equals("0"))
                    .anyMatch(o -> !o.get("customer").equals("0"));
            assertThat(sales).anyMatch(o -> o.containsKey("meta_billing_tc_kimlik"))
                    .anyMatch(o -> o.containsKey("meta_billing_vergi_no"))
                    .anyMatch(o -> "DE".equals(o.get("shipping_country")));
            assertThat(sales).anyMatch(o -> o.get("prices_include_tax").equals("yes"))
                    .anyMatch(o -> o.get("prices_include_tax").equals("no"));
            assertThat(sales).anyMatch(o -> o.get("total").equals("0.00") && o.get("payment_method").isEmpty());
            assertThat(sales).anyMatch(o -> o.get("note").contains("\n"))
                    .anyMatch(o -> o.getOrDefault("billing_address_1", "").length() > 200)
                    .anyMatch(o -> !o.get("billing_address_1").equals(o.get("shipping_address_1")));
            assertThat(sales).anyMatch(o -> o.get("transaction_id").startsWith("IYZ"));
            assertThat(String.join(" ", sales.stream().map(o -> o.get("billing_first_name") + " "
                    + o.get("billing_last_name") + " " + o.get("billing_city")).toList())).contains("ş", "ğ", "ı", "İ",
                    "ç", "ö", "ü");
            assertThat(orders).anyMatch(o -> o.values().stream().anyMatch(v -> v.codePoints().anyMatch(
                    cp -> cp > 0xFFFF)));

            assertThat(itemNames(c, "coupon")).contains("indirim10", "sabit50", "hediye100");
            assertThat(itemNames(c, "fee")).contains("Kapıda Ödeme Ücreti", "Sadakat İndirimi");
            assertThat(count(c, "SELECT COUNT(*) FROM wp_woocommerce_order_itemmeta WHERE meta_key = '_fee_amount'"
                    + " AND meta_value LIKE '-%'")).isPositive();
            assertThat(itemNames(c, "line_item")).contains("Pamuklu Tişört - M", "Yün Atkı - Kırmızı",
                    "Özel Sipariş Hizmeti", "Hediye Paketi 🎁", "Bağış (vergisiz)");
            assertThat(count(c, "SELECT COUNT(*) FROM wp_woocommerce_order_itemmeta WHERE meta_key = 'beden'"))
                    .isPositive();
            assertThat(rows(c, "SELECT DISTINCT meta_value FROM wp_woocommerce_order_itemmeta WHERE meta_key ="
                    + " '_tax_class'")).extracting(r -> r.get("meta_value"))
                    .contains("", "reduced-rate", "kdv-1");
            assertThat(count(c, "SELECT COUNT(*) FROM wp_woocommerce_order_itemmeta WHERE meta_key = '_line_total'"
                    + " AND meta_value LIKE '%.______'")).as("6-decimal line totals").isPositive();

            String refunds = "SELECT COUNT(*) FROM wp_wc_orders r WHERE r.type = 'shop_order_refund' AND %s";
            String hasLines = "EXISTS (SELECT 1 FROM wp_woocommerce_order_items i WHERE i.order_id = r.id"
                    + " AND i.order_item_type = 'line_item')";
            String fullyRefunded = "(SELECT status FROM wp_wc_orders o WHERE o.id = r.parent_order_id) = 'wc-refunded'";
            assertThat(count(c, refunds.formatted(hasLines + " AND " + fullyRefunded))).as("full, with lines")
                    .isPositive();
            assertThat(count(c, refunds.formatted("NOT " + hasLines + " AND " + fullyRefunded))).as("full, amount")
                    .isPositive();
            assertThat(count(c, refunds.formatted(hasLines + " AND NOT " + fullyRefunded))).as("partial, lines")
                    .isPositive();
            assertThat(count(c, refunds.formatted("NOT " + hasLines + " AND NOT " + fullyRefunded)))
                    .as("partial, amount").isPositive();
            assertThat(count(c, "SELECT COUNT(*) FROM wp_woocommerce_order_itemmeta WHERE meta_key = '_qty'"
                    + " AND meta_value LIKE '-%'")).as("negative refund quantities").isPositive();
        }
    }

    @Test
    void productsHaveSkusVariationsAndOneWithout() throws Exception {
        try (Connection c = GeneratedShops.of(StorageLayout.POSTS).connect()) {
            List<String> skus = rows(c, "SELECT meta_value FROM wp_postmeta m JOIN wp_posts p ON p.ID = m.post_id"
                    + " WHERE p.post_type IN ('product', 'product_variation') AND m.meta_key = '_sku'").stream()
                    .map(r -> r.get("meta_value")).toList();
            assertThat(skus).contains("TK-250", "ÇİÇEK-01", "TSH", "TSH-S", "TSH-M", "TSH-L", "BAGIS-100");
            assertThat(count(c, "SELECT COUNT(*) FROM wp_posts p WHERE p.post_type = 'product' AND NOT EXISTS"
                    + " (SELECT 1 FROM wp_postmeta m WHERE m.post_id = p.ID AND m.meta_key = '_sku')")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM wp_users")).isEqualTo(DemoShopGenerator.REGISTERED_CUSTOMERS + 1);
            assertThat(count(c, "SELECT COUNT(*) FROM wp_usermeta WHERE meta_key = 'wp_capabilities'"
                    + " AND meta_value = 'a:1:{s:8:\"customer\";b:1;}'"))
                    .isEqualTo(DemoShopGenerator.REGISTERED_CUSTOMERS);
        }
    }

    private static List<String> itemNames(Connection c, String type) throws Exception {
        return rows(c, "SELECT DISTINCT order_item_name FROM wp_woocommerce_order_items WHERE order_item_type = '"
                + type + "'").stream().map(r -> r.get("order_item_name")).toList();
    }
}
