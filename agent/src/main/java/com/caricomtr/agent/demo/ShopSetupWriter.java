package com.caricomtr.agent.demo;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.caricomtr.agent.woo.Address;

/**
 * Everything of the demo shop that is not an order: the options WooCommerce and the agent read, tax rates and
 * classes, product and coupon posts, and the registered customers.
 */
final class ShopSetupWriter {
    static final boolean STORE_PRICES_INCLUDE_TAX = true;

    private final ShopRows rows;

    ShopSetupWriter(ShopRows rows) {
        this.rows = rows;
    }

    void write(StorageLayout layout, List<Buyer> customers) {
        options(layout);
        taxes();
        products();
        coupons();
        users(customers);
    }

    private void options(StorageLayout layout) {
        Map<String, String> on = new LinkedHashMap<>();
        on.put("siteurl", ShopRows.SITE_URL);
        on.put("home", ShopRows.SITE_URL);
        on.put("blogname", "Demo Mağaza – Anadolu Lezzetleri");
        on.put("blogdescription", "");
        on.put("admin_email", "admin@example.test");
        on.put("date_format", "j F Y");
        on.put("time_format", "H:i");
        on.put("gmt_offset", "");
        on.put("timezone_string", DemoDates.SHOP_ZONE.getId());
        on.put("WPLANG", "tr_TR");
        on.put("db_version", "60717");
        on.put("initial_db_version", "60717");
        on.put("active_plugins", "a:1:{i:0;" + PhpSerialized.string("woocommerce/woocommerce.php") + "}");
        on.put("woocommerce_store_address", "İstiklal Caddesi No:101");
        on.put("woocommerce_store_address_2", "Kat 2");
        on.put("woocommerce_store_city", "Beyoğlu");
        on.put("woocommerce_default_country", "TR:TR34");
        on.put("woocommerce_store_postcode", "34433");
        on.put("woocommerce_currency", "TRY");
        on.put("woocommerce_currency_pos", "right_space");
        on.put("woocommerce_price_thousand_sep", ".");
        on.put("woocommerce_price_decimal_sep", ",");
        on.put("woocommerce_price_num_decimals", "2");
        on.put("woocommerce_calc_taxes", "yes");
        on.put("woocommerce_enable_coupons", "yes");
        on.put("woocommerce_calc_discounts_sequentially", "no");
        on.put("woocommerce_prices_include_tax", STORE_PRICES_INCLUDE_TAX ? "yes" : "no");
        on.put("woocommerce_tax_based_on", "shipping");
        on.put("woocommerce_shipping_tax_class", "inherit");
        on.put("woocommerce_tax_round_at_subtotal", "no");
        on.put("woocommerce_tax_classes", "");
        on.put("woocommerce_tax_display_shop", "incl");
        on.put("woocommerce_tax_display_cart", "incl");
        on.put("woocommerce_tax_total_display", "itemized");
        on.put("woocommerce_custom_orders_table_enabled", layout.hposAuthoritative() ? "yes" : "no");
        on.put("woocommerce_hpos_fts_index_enabled", "no");
        Map<String, String> auto = new LinkedHashMap<>();
        auto.put("woocommerce_version", OrderPlanner.WOOCOMMERCE_VERSION);
        auto.put("woocommerce_db_version", OrderPlanner.WOOCOMMERCE_VERSION);
        auto.put("woocommerce_custom_orders_table_created", "yes");
        auto.put("woocommerce_custom_orders_table_data_sync_enabled", layout.syncEnabled() ? "yes" : "no");
        on.forEach((name, value) -> rows.options.add(name, value, "on"));
        auto.forEach((name, value) -> rows.options.add(name, value, "auto"));
    }

    private void taxes() {
        int order = 0;
        for (TaxRate rate : DemoCatalog.TAX_RATES) {
            rows.taxRates.add((long) rate.id(), "TR", "", rate.storedRate(), rate.name(), 1L, 0, 1, (long) order++,
                    rate.taxClass());
        }
        long id = 1;
        for (Map.Entry<String, String> taxClass : DemoCatalog.TAX_CLASSES) {
            rows.taxRateClasses.add(id++, taxClass.getValue(), taxClass.getKey());
        }
    }

    private void products() {
        String date = DemoDates.local(OrderPlanner.SHOP_OPENED.minusSeconds(86_400 * 30));
        String gmt = DemoDates.gmt(OrderPlanner.SHOP_OPENED.minusSeconds(86_400 * 30));
        for (CatalogProduct p : DemoCatalog.allProductPosts()) {
            boolean variation = p.isVariation();
            String excerpt = variation ? DemoCatalog.attributeLabel(p.attribute()) + ": " + p.attributeValue() : "";
            String guid = variation ? ShopRows.SITE_URL + "/?post_type=product_variation&p=" + p.id()
                    : ShopRows.SITE_URL + "/?product=" + p.slug();
            rows.posts.add(p.id(), 1L, date, gmt, "", p.name(), excerpt, "publish", variation ? "closed" : "open",
                    "closed", "", p.slug(), "", "", date, gmt, "", p.parentId(), guid, 0,
                    variation ? "product_variation" : "product", "", 0L);
            productMeta(p).forEach(m -> rows.postmeta.add(p.id(), m.getKey(), m.getValue()));
        }
    }

    private static List<Map.Entry<String, String>> productMeta(CatalogProduct p) {
        List<Map.Entry<String, String>> meta = new ArrayList<>();
        boolean parent = DemoCatalog.VARIABLE_PARENTS.contains(p);
        if (p.isVariation()) {
            meta.add(entry("_variation_description", ""));
        }
        if (!p.sku().isEmpty()) {
            meta.add(entry("_sku", p.sku()));
        }
        if (!parent) {
            meta.add(entry("_regular_price", p.price().toPlainString()));
        }
        meta.add(entry("total_sales", "0"));
        meta.add(entry("_tax_status", p.taxable() ? "taxable" : "none"));
        meta.add(entry("_tax_class", p.isVariation() ? "parent" : p.taxClass()));
        for (String key : List.of("_manage_stock", "_backorders", "_sold_individually", "_virtual", "_downloadable")) {
            meta.add(entry(key, "no"));
        }
        meta.add(entry("_download_limit", "-1"));
        meta.add(entry("_download_expiry", "-1"));
        meta.add(entry("_stock", null));
        meta.add(entry("_stock_status", "instock"));
        meta.add(entry("_wc_average_rating", "0"));
        meta.add(entry("_wc_review_count", "0"));
        if (parent) {
            meta.add(entry("_product_attributes", productAttributes(p)));
            // A variable product carries one _price row per distinct variation price.
            DemoCatalog.variationsOf(p).stream().map(v -> v.price().toPlainString()).distinct()
                    .forEach(price -> meta.add(entry("_price", price)));
        } else {
            meta.add(entry("_price", p.price().toPlainString()));
        }
        if (p.isVariation()) {
            meta.add(entry("attribute_" + p.attribute(), p.attributeValue()));
        }
        meta.add(entry("_product_version", OrderPlanner.WOOCOMMERCE_VERSION));
        return meta;
    }

    private static String productAttributes(CatalogProduct parent) {
        String values = DemoCatalog.variationsOf(parent).stream().map(CatalogProduct::attributeValue)
                .collect(Collectors.joining(" | "));
        return "a:1:{" + PhpSerialized.string(parent.attribute()) + "a:6:{"
                + PhpSerialized.string("name") + PhpSerialized.string(DemoCatalog.attributeLabel(parent.attribute()))
                + PhpSerialized.string("value") + PhpSerialized.string(values)
                + PhpSerialized.string("position") + "i:0;"
                + PhpSerialized.string("is_visible") + "i:1;"
                + PhpSerialized.string("is_variation") + "i:1;"
                + PhpSerialized.string("is_taxonomy") + "i:0;}}";
    }

    private void coupons() {
        String date = DemoDates.local(OrderPlanner.SHOP_OPENED.minusSeconds(86_400 * 7));
        String gmt = DemoDates.gmt(OrderPlanner.SHOP_OPENED.minusSeconds(86_400 * 7));
        for (CatalogCoupon c : DemoCatalog.COUPONS) {
            rows.posts.add(c.id(), 1L, date, gmt, "", c.code(), "", "publish", "closed", "closed", "", c.code(), "", "",
                    date, gmt, "", 0L, ShopRows.SITE_URL + "/?post_type=shop_coupon&#038;p=" + c.id(), 0,
                    "shop_coupon", "", 0L);
            rows.postmeta.add(c.id(), "discount_type", c.type());
            rows.postmeta.add(c.id(), "coupon_amount", WooMath.php(c.amount()));
            rows.postmeta.add(c.id(), "individual_use", "no");
            rows.postmeta.add(c.id(), "free_shipping", "no");
        }
    }

    private void users(List<Buyer> customers) {
        Instant registered = OrderPlanner.SHOP_OPENED.minusSeconds(86_400 * 10);
        rows.users.add(1L, "admin", "$P$Bdemo.admin.not.a.real.hash0", "admin", "admin@example.test",
                ShopRows.SITE_URL, DemoDates.gmt(registered), "", 0, "admin");
        userMeta(1, "nickname", "admin");
        userMeta(1, rows.prefix + "capabilities", PhpSerialized.singleRole("administrator"));
        userMeta(1, rows.prefix + "user_level", "10");
        for (Buyer customer : customers) {
            Address billing = customer.billing();
            long id = customer.userId();
            String login = billing.email().substring(0, billing.email().indexOf('@'));
            rows.users.add(id, login, "$P$Bdemo.customer.not.a.real.hash", login.replace('.', '-'), billing.email(), "",
                    DemoDates.gmt(registered.plusSeconds(id * 3_600)), "", 0, billing.fullName());
            userMeta(id, "nickname", login);
            userMeta(id, "first_name", billing.firstName());
            userMeta(id, "last_name", billing.lastName());
            userMeta(id, "locale", "");
            userMeta(id, rows.prefix + "capabilities", PhpSerialized.singleRole("customer"));
            userMeta(id, rows.prefix + "user_level", "0");
            // WooCommerce's customer data store skips empty fields; the order copies keep them.
            OrderMeta.addressMeta("billing", billing).forEach((k, v) -> {
                if (!v.isEmpty()) {
                    userMeta(id, k.substring(1), v);
                }
            });
            OrderMeta.addressMeta("shipping", customer.shipping()).forEach((k, v) -> {
                if (!v.isEmpty()) {
                    userMeta(id, k.substring(1), v);
                }
            });
            userMeta(id, "paying_customer", "1");
        }
    }

    private void userMeta(long userId, String key, String value) {
        rows.usermeta.add(userId, key, value);
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleEntry<>(key, value); // Map.entry refuses the NULL of _stock
    }
}
