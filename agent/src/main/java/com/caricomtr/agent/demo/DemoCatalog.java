package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo shop's fixed set-up: Turkish KDV rates, products (with variations, a non-ASCII SKU, a product without SKU,
 * a free one and a tax-exempt donation), coupons and shipping rates. Post ids start at 10 like a fresh WordPress
 * install with WooCommerce's pages; orders come after {@link #FIRST_ORDER_ID}.
 */
final class DemoCatalog {
    static final String STANDARD = "";
    static final String REDUCED = "reduced-rate";
    static final String KDV_1 = "kdv-1";

    static final TaxRate KDV_20 = new TaxRate(1, "KDV 20%", new BigDecimal("20"), STANDARD);
    static final TaxRate KDV_10 = new TaxRate(2, "KDV 10%", new BigDecimal("10"), REDUCED);
    static final TaxRate KDV_1_RATE = new TaxRate(3, "KDV 1%", new BigDecimal("1"), KDV_1);
    static final List<TaxRate> TAX_RATES = List.of(KDV_20, KDV_10, KDV_1_RATE);

    /** {@code wc_tax_rate_classes} rows in id order; WooCommerce's shipping "inherit" rule walks them in this order. */
    static final List<Map.Entry<String, String>> TAX_CLASSES = List.of(
            Map.entry(REDUCED, "Reduced rate"), Map.entry("zero-rate", "Zero rate"), Map.entry(KDV_1, "KDV 1%"));

    static final List<CatalogProduct> PRODUCTS;
    /** Variable products: parents of the variations, never on an order line themselves. */
    static final List<CatalogProduct> VARIABLE_PARENTS;
    static final CatalogProduct DONATION;
    static final CatalogProduct GIFT_WRAP;

    static final CatalogCoupon PERCENT_10;
    static final CatalogCoupon FIXED_50;
    static final CatalogCoupon FULL_100;
    static final List<CatalogCoupon> COUPONS;

    static final long FIRST_ORDER_ID = 100;

    static final ShippingMethod YURTICI = new ShippingMethod("Yurtiçi Kargo", "flat_rate", 1, new BigDecimal("49.90"));
    static final ShippingMethod FREE = new ShippingMethod("Ücretsiz Kargo", "free_shipping", 2, new BigDecimal("0"));
    static final ShippingMethod ARAS = new ShippingMethod("Aras Kargo", "flat_rate", 3, new BigDecimal("54.90"));
    static final ShippingMethod MNG = new ShippingMethod("MNG Kargo", "flat_rate", 4, new BigDecimal("44.90"));
    static final ShippingMethod DHL = new ShippingMethod("DHL Express (Yurtdışı)", "flat_rate", 5,
            new BigDecimal("350.00"));
    static final ShippingMethod FREIGHT = new ShippingMethod("Ambar Nakliye", "flat_rate", 6, new BigDecimal("149.90"));
    static final List<ShippingMethod> DOMESTIC_PAID = List.of(YURTICI, ARAS, MNG);

    static {
        List<CatalogProduct> products = new ArrayList<>();
        List<CatalogProduct> parents = new ArrayList<>();
        long[] id = {10};
        Simple simple = (name, slug, sku, price, taxClass) -> {
            CatalogProduct p = new CatalogProduct(id[0]++, name, slug, sku, new BigDecimal(price), taxClass, true, 0,
                    "", "");
            products.add(p);
            return p;
        };
        simple.add("Türk Kahvesi 250 g", "turk-kahvesi-250-g", "TK-250", "189.90", STANDARD);
        simple.add("Çay Bardağı Seti (6'lı)", "cay-bardagi-seti-6li", "CB-6", "349.00", STANDARD);
        simple.add("İpek Şal – El Yapımı", "ipek-sal-el-yapimi", "SAL-IPEK", "1250.00", STANDARD);
        simple.add("Bakır Cezve", "bakir-cezve", "CZV-BKR", "459.90", STANDARD);
        simple.add("Çini Kase (İznik Desenli)", "cini-kase-iznik-desenli", "CINI-KS", "289.00", STANDARD);
        simple.add("Nazar Boncuklu Anahtarlık", "nazar-boncuklu-anahtarlik", "NZR-01", "79.90", STANDARD);
        simple.add("Çiçek Buketi", "cicek-buketi", "ÇİÇEK-01", "450.00", STANDARD);
        GIFT_WRAP = simple.add("Hediye Paketi 🎁", "hediye-paketi", "HEDIYE", "0.00", STANDARD);
        simple.add("Güllü Lokum Kutusu", "gullu-lokum-kutusu", "LOK-GUL", "275.50", REDUCED);
        simple.add("Iğdır Kayısısı 1 kg", "igdir-kayisisi-1-kg", "KAY-1KG", "210.00", REDUCED);
        simple.add("Antep Fıstığı 500 g", "antep-fistigi-500-g", "FST-500", "649.90", REDUCED);
        simple.add("Kitap: İstanbul Hatırası", "kitap-istanbul-hatirasi", "KTP-IST", "120.00", REDUCED);
        simple.add("Köy Ekmeği", "koy-ekmegi", "EKM-01", "45.00", KDV_1);
        simple.add("Ayvalık Zeytinyağı 1 L", "ayvalik-zeytinyagi-1-l", "ZYT-1L", "389.90", KDV_1);
        simple.add("Kırmızı Mercimek 1 kg", "kirmizi-mercimek-1-kg", "MRC-1KG", "74.50", KDV_1);
        simple.add("Bulgur (Pilavlık) 2 kg", "bulgur-pilavlik-2-kg", "BLG-2KG", "96.75", KDV_1);
        DONATION = new CatalogProduct(id[0]++, "Bağış (vergisiz)", "bagis-vergisiz", "BAGIS-100",
                new BigDecimal("100.00"), STANDARD, false, 0, "", "");
        products.add(DONATION);
        simple.add("Özel Sipariş Hizmeti", "ozel-siparis-hizmeti", "", "500.00", STANDARD);

        Variable variable = (name, slug, sku, attribute, values, skus, prices) -> {
            CatalogProduct parent = new CatalogProduct(id[0]++, name, slug, sku, new BigDecimal(prices[0]), STANDARD,
                    true, 0, attribute, "");
            parents.add(parent);
            for (int i = 0; i < values.length; i++) {
                products.add(new CatalogProduct(id[0]++, name + " - " + values[i],
                        slug + "-" + skus[i].toLowerCase(Locale.ROOT).substring(sku.length() + 1), skus[i],
                        new BigDecimal(prices[i]), STANDARD, true, parent.id(), attribute, values[i]));
            }
        };
        variable.add("Pamuklu Tişört", "pamuklu-tisort", "TSH", "beden", new String[] {"S", "M", "L"},
                new String[] {"TSH-S", "TSH-M", "TSH-L"}, new String[] {"299.90", "299.90", "319.90"});
        variable.add("Yün Atkı", "yun-atki", "ATK", "renk", new String[] {"Kırmızı", "Lacivert"},
                new String[] {"ATK-KRM", "ATK-LCV"}, new String[] {"229.90", "229.90"});

        PRODUCTS = List.copyOf(products);
        VARIABLE_PARENTS = List.copyOf(parents);
        PERCENT_10 = new CatalogCoupon(id[0]++, "indirim10", "percent", new BigDecimal("10"));
        FIXED_50 = new CatalogCoupon(id[0]++, "sabit50", "fixed_cart", new BigDecimal("50"));
        FULL_100 = new CatalogCoupon(id[0]++, "hediye100", "percent", new BigDecimal("100"));
        COUPONS = List.of(PERCENT_10, FIXED_50, FULL_100);
        if (id[0] > FIRST_ORDER_ID) {
            throw new IllegalStateException("catalog overlaps the first order id");
        }
    }

    private DemoCatalog() {
    }

    /** The rate WooCommerce finds for a tax class in Turkey; products without tax status have none. */
    static Optional<TaxRate> turkishRate(String taxClass) {
        return TAX_RATES.stream().filter(r -> r.taxClass().equals(taxClass)).findFirst();
    }

    /** Every product post: simple products, variable parents, variations. */
    static List<CatalogProduct> allProductPosts() {
        List<CatalogProduct> all = new ArrayList<>(PRODUCTS);
        all.addAll(VARIABLE_PARENTS);
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        return all;
    }

    /** How the shop names a variation attribute, e.g. {@code beden} → {@code Beden}. */
    static String attributeLabel(String attribute) {
        return attribute.substring(0, 1).toUpperCase(Locale.ROOT) + attribute.substring(1);
    }

    /** The variations of a variable product. */
    static List<CatalogProduct> variationsOf(CatalogProduct parent) {
        return PRODUCTS.stream().filter(p -> p.parentId() == parent.id()).toList();
    }

    private interface Simple {
        CatalogProduct add(String name, String slug, String sku, String price, String taxClass);
    }

    private interface Variable {
        void add(String name, String slug, String sku, String attribute, String[] values, String[] skus,
                 String[] prices);
    }
}
