package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every order and refund of a shop as one flat map of normalised fields, read either from the HPOS tables or from
 * posts/postmeta the way WooCommerce maps one onto the other. Two views of the same shop compare equal whichever
 * storage they come from; that is how the tests prove every layout holds the same orders.
 */
final class OrderView {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "company", "address_1",
            "address_2", "city", "state", "postcode", "country", "email", "phone");

    private OrderView() {
    }

    static Map<Long, Map<String, String>> fromHpos(Connection c, String p) throws SQLException {
        Map<Long, Map<String, String>> out = new TreeMap<>();
        for (Map<String, String> row : rows(c, "SELECT o.*, d.created_via, d.prices_include_tax, d.order_key,"
                + " d.date_paid_gmt, d.date_completed_gmt, d.shipping_tax_amount, d.shipping_total_amount,"
                + " d.discount_tax_amount, d.discount_total_amount FROM `" + p + "wc_orders` o JOIN `" + p
                + "wc_order_operational_data` d ON d.order_id = o.id")) {
            Map<String, String> v = new TreeMap<>();
            boolean refund = "shop_order_refund".equals(row.get("type"));
            v.put("type", row.get("type"));
            v.put("status", row.get("status"));
            v.put("parent", row.get("parent_order_id"));
            v.put("currency", row.get("currency"));
            v.put("total", money(row.get("total_amount")));
            v.put("tax", money(row.get("tax_amount")));
            v.put("shipping", money(row.get("shipping_total_amount")));
            v.put("shipping_tax", money(row.get("shipping_tax_amount")));
            v.put("discount", money(row.get("discount_total_amount")));
            v.put("discount_tax", money(row.get("discount_tax_amount")));
            v.put("prices_include_tax", "1".equals(row.get("prices_include_tax")) ? "yes" : "no");
            v.put("created", row.get("date_created_gmt"));
            if (!refund) {
                v.put("updated", row.get("date_updated_gmt"));
                v.put("customer", row.get("customer_id"));
                v.put("billing_email", row.get("billing_email"));
                v.put("payment_method", row.get("payment_method"));
                v.put("payment_method_title", row.get("payment_method_title"));
                v.put("transaction_id", row.get("transaction_id"));
                v.put("ip", row.get("ip_address"));
                v.put("user_agent", row.get("user_agent"));
                v.put("note", row.get("customer_note"));
                v.put("order_key", row.get("order_key"));
                v.put("created_via", row.get("created_via"));
                v.put("paid", row.get("date_paid_gmt"));
                v.put("completed", row.get("date_completed_gmt"));
            }
            v.values().removeIf(x -> x == null);
            out.put(Long.parseLong(row.get("id")), v);
        }
        for (Map<String, String> row : rows(c, "SELECT * FROM `" + p + "wc_order_addresses`")) {
            Map<String, String> v = out.get(Long.parseLong(row.get("order_id")));
            for (String field : ADDRESS_FIELDS) {
                String value = row.get(field);
                if (value != null && !value.isEmpty()) {
                    v.put(row.get("address_type") + "_" + field, value);
                }
            }
        }
        for (Map<String, String> row : rows(c, "SELECT order_id, meta_key, meta_value FROM `" + p
                + "wc_orders_meta`")) {
            out.get(Long.parseLong(row.get("order_id"))).put("meta" + row.get("meta_key"), row.get("meta_value"));
        }
        return out;
    }

    static Map<Long, Map<String, String>> fromPosts(Connection c, String p) throws SQLException {
        Map<Long, Map<String, String>> out = new TreeMap<>();
        Map<Long, Map<String, String>> meta = new HashMap<>();
        for (Map<String, String> row : rows(c, "SELECT m.post_id, m.meta_key, m.meta_value FROM `" + p + "postmeta` m"
                + " JOIN `" + p + "posts` o ON o.ID = m.post_id WHERE o.post_type IN ('shop_order',"
                + " 'shop_order_refund')")) {
            meta.computeIfAbsent(Long.parseLong(row.get("post_id")), k -> new HashMap<>())
                    .put(row.get("meta_key"), row.get("meta_value"));
        }
        for (Map<String, String> post : rows(c, "SELECT * FROM `" + p + "posts` WHERE post_type IN ('shop_order',"
                + " 'shop_order_refund')")) {
            long id = Long.parseLong(post.get("ID"));
            Map<String, String> m = meta.getOrDefault(id, Map.of());
            boolean refund = "shop_order_refund".equals(post.get("post_type"));
            Map<String, String> v = new TreeMap<>();
            v.put("type", post.get("post_type"));
            v.put("status", post.get("post_status"));
            v.put("parent", post.get("post_parent"));
            v.put("currency", m.get("_order_currency"));
            v.put("total", money(m.get("_order_total")));
            v.put("tax", money(m.get("_order_tax")));
            v.put("shipping", money(m.get("_order_shipping")));
            v.put("shipping_tax", money(m.get("_order_shipping_tax")));
            v.put("discount", money(m.get("_cart_discount")));
            v.put("discount_tax", money(m.get("_cart_discount_tax")));
            v.put("prices_include_tax", m.get("_prices_include_tax"));
            v.put("created", post.get("post_date_gmt"));
            if (!refund) {
                v.put("updated", post.get("post_modified_gmt"));
                v.put("customer", m.get("_customer_user"));
                v.put("billing_email", m.get("_billing_email"));
                v.put("payment_method", m.getOrDefault("_payment_method", ""));
                v.put("payment_method_title", m.getOrDefault("_payment_method_title", ""));
                v.put("transaction_id", m.getOrDefault("_transaction_id", ""));
                v.put("ip", m.get("_customer_ip_address"));
                v.put("user_agent", m.get("_customer_user_agent"));
                v.put("note", post.get("post_excerpt"));
                v.put("order_key", m.get("_order_key"));
                v.put("created_via", m.get("_created_via"));
                v.put("paid", fromUnix(m.get("_date_paid")));
                v.put("completed", fromUnix(m.get("_date_completed")));
                for (String type : List.of("billing", "shipping")) {
                    for (String field : ADDRESS_FIELDS) {
                        String value = m.get("_" + type + "_" + field);
                        if (value != null && !value.isEmpty()) {
                            v.put(type + "_" + field, value);
                        }
                    }
                }
            }
            m.forEach((key, value) -> {
                if (key.endsWith("_address_index") || key.startsWith("_billing_tc") || key.startsWith("_billing_vergi")
                        || key.startsWith("_refund")) {
                    v.put("meta" + key, value);
                }
            });
            v.values().removeIf(x -> x == null);
            out.put(id, v);
        }
        return out;
    }

    private static String money(String s) {
        return s == null || s.isEmpty() ? "0.00" : new BigDecimal(s).setScale(2).toPlainString();
    }

    private static String fromUnix(String s) {
        return s == null ? null : SQL.format(LocalDateTime.ofEpochSecond(Long.parseLong(s), 0, ZoneOffset.UTC));
    }

    static List<Map<String, String>> rows(Connection c, String sql) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
