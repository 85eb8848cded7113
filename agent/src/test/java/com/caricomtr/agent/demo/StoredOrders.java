package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders and refunds as stored in a WooCommerce database, read from whichever storage the shop's options name as
 * authoritative: a test-side reader, independent of the generator, used both on generated shops and on the real
 * fixtures.
 */
record StoredOrders(boolean storePricesIncludeTax, boolean hpos, Map<Long, Header> headers,
                    Map<Long, List<Item>> items) {

    /** Order-level figures; for refunds {@code refundAmount} is the positive {@code _refund_amount}. */
    record Header(long id, String type, String status, long parentId, boolean pricesIncludeTax, BigDecimal total,
                  BigDecimal cartTax, BigDecimal shippingTotal, BigDecimal shippingTax, BigDecimal discountTotal,
                  BigDecimal discountTax, BigDecimal refundAmount) {

        boolean isRefund() {
            return "shop_order_refund".equals(type);
        }
    }

    record Item(long id, String type, String name, Map<String, String> meta) {
        BigDecimal decimal(String key) {
            return new BigDecimal(meta.get(key));
        }
    }

    static StoredOrders read(Connection c, String prefix) throws SQLException {
        Map<String, String> options = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT option_name, option_value FROM `"
                + prefix + "options` WHERE option_name IN ('woocommerce_prices_include_tax',"
                + " 'woocommerce_custom_orders_table_enabled')")) {
            while (rs.next()) {
                options.put(rs.getString(1), rs.getString(2));
            }
        }
        boolean hpos = "yes".equals(options.get("woocommerce_custom_orders_table_enabled"));
        Map<Long, Header> headers = hpos ? hposHeaders(c, prefix) : postHeaders(c, prefix);
        return new StoredOrders("yes".equals(options.get("woocommerce_prices_include_tax")), hpos, headers,
                items(c, prefix));
    }

    private static Map<Long, Header> hposHeaders(Connection c, String p) throws SQLException {
        Map<Long, Header> out = new LinkedHashMap<>();
        String sql = "SELECT o.id, o.type, o.status, o.parent_order_id, d.prices_include_tax, o.total_amount,"
                + " o.tax_amount, d.shipping_total_amount, d.shipping_tax_amount, d.discount_total_amount,"
                + " d.discount_tax_amount, (SELECT meta_value FROM `" + p + "wc_orders_meta` m WHERE m.order_id = o.id"
                + " AND m.meta_key = '_refund_amount') FROM `" + p + "wc_orders` o JOIN `" + p
                + "wc_order_operational_data` d ON d.order_id = o.id ORDER BY o.id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Header(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5) == 1, rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                        decimalOrNull(rs.getString(12))));
            }
        }
        return out;
    }

    private static Map<Long, Header> postHeaders(Connection c, String p) throws SQLException {
        Map<Long, Map<String, String>> meta = new HashMap<>();
        Map<Long, String[]> posts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT ID, post_type, post_status, post_parent FROM `" + p + "posts`"
                    + " WHERE post_type IN ('shop_order', 'shop_order_refund') ORDER BY ID")) {
                while (rs.next()) {
                    posts.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT m.post_id, m.meta_key, m.meta_value FROM `" + p + "postmeta` m"
                    + " JOIN `" + p + "posts` o ON o.ID = m.post_id WHERE o.post_type IN ('shop_order',"
                    + " 'shop_order_refund')")) {
                while (rs.next()) {
                    meta.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        Map<Long, Header> out = new LinkedHashMap<>();
        posts.forEach((id, post) -> {
            Map<String, String> m = meta.getOrDefault(id, Map.of());
            out.put(id, new Header(id, post[0], post[1], Long.parseLong(post[2]),
                    "yes".equals(m.get("_prices_include_tax")), decimal(m.get("_order_total")),
                    decimal(m.get("_order_tax")), decimal(m.get("_order_shipping")),
                    decimal(m.get("_order_shipping_tax")), decimal(m.get("_cart_discount")),
                    decimal(m.get("_cart_discount_tax")), decimalOrNull(m.get("_refund_amount"))));
        });
        return out;
    }

    private static Map<Long, List<Item>> items(Connection c, String p) throws SQLException {
        Map<Long, Item> byId = new LinkedHashMap<>();
        Map<Long, List<Item>> byOrder = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT order_item_id, order_id, order_item_type, order_item_name FROM `"
                    + p + "woocommerce_order_items` ORDER BY order_item_id")) {
                while (rs.next()) {
                    Item item = new Item(rs.getLong(1), rs.getString(3), rs.getString(4), new LinkedHashMap<>());
                    byId.put(item.id(), item);
                    byOrder.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(item);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT order_item_id, meta_key, meta_value FROM `" + p
                    + "woocommerce_order_itemmeta` ORDER BY meta_id")) {
                while (rs.next()) {
                    Item item = byId.get(rs.getLong(1));
                    if (item != null) {
                        item.meta().put(rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        return byOrder;
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
    }

    private static BigDecimal decimalOrNull(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
