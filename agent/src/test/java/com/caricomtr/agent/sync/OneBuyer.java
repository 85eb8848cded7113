package com.caricomtr.agent.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.agent.woo.ReaderSettings;

/**
 * Makes every order of a generated shop one new buyer's, a company ordering again and again, with the same billing
 * address and VKN in each: so the mapper gives every order the same customer key ({@link #KEY}) and the same
 * customer payload, and a backfill delivers many orders of one buyer that Cari does not know yet at once.
 *
 * <p>Only the storage the layout reads is changed: HPOS's order and address tables and order meta, or the posts'
 * order meta.
 */
final class OneBuyer {
    static final String VKN = "6789123457";
    static final String KEY = "vkn:" + VKN;

    private static final Map<String, String> BILLING = new LinkedHashMap<>();

    static {
        BILLING.put("first_name", "Mehmet");
        BILLING.put("last_name", "Öztürk");
        BILLING.put("company", "Öztürk Gıda Ltd. Şti.");
        BILLING.put("address_1", "Atatürk Bulvarı No:45");
        BILLING.put("address_2", "Kat 3");
        BILLING.put("city", "Çankaya");
        BILLING.put("state", "TR06");
        BILLING.put("postcode", "06420");
        BILLING.put("country", "TR");
        BILLING.put("email", "satinalma@ozturkgida.example");
        BILLING.put("phone", "0312 444 55 66");
    }

    private OneBuyer() {
    }

    static void takeOver(DatabaseSettings db, StorageLayout layout) throws SQLException {
        try (Connection c = TestDatabase.connect(db)) {
            if (layout == StorageLayout.POSTS) {
                takeOverPosts(c);
            } else {
                takeOverHpos(c);
            }
        }
    }

    private static void takeOverHpos(Connection c) throws SQLException {
        StringBuilder set = new StringBuilder();
        BILLING.keySet().forEach(column -> set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ?"));
        try (PreparedStatement s = c.prepareStatement("UPDATE wp_wc_order_addresses SET " + set
                + " WHERE address_type = 'billing'")) {
            bind(s, List.copyOf(BILLING.values()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE wp_wc_orders SET billing_email = ?")) {
            s.setString(1, BILLING.get("email"));
            s.executeUpdate();
        }
        replaceTaxMeta(c, "wp_wc_orders_meta", "order_id", "SELECT id FROM wp_wc_orders WHERE type = 'shop_order'");
    }

    private static void takeOverPosts(Connection c) throws SQLException {
        String orders = "SELECT ID FROM wp_posts WHERE post_type = 'shop_order'";
        for (Map.Entry<String, String> field : BILLING.entrySet()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE wp_postmeta SET meta_value = ? WHERE meta_key = ?"
                    + " AND post_id IN (" + orders + ")")) {
                s.setString(1, field.getValue());
                s.setString(2, "_billing_" + field.getKey());
                s.executeUpdate();
            }
        }
        replaceTaxMeta(c, "wp_postmeta", "post_id", orders);
    }

    /** Every Turkish tax id meta the reader knows goes; the one VKN and its tax office come instead. */
    private static void replaceTaxMeta(Connection c, String table, String owner, String orders) throws SQLException {
        List<String> keys = new java.util.ArrayList<>();
        keys.addAll(ReaderSettings.DEFAULTS.tcknKeys());
        keys.addAll(ReaderSettings.DEFAULTS.vknKeys());
        keys.addAll(ReaderSettings.DEFAULTS.taxOfficeKeys());
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE meta_key IN ("
                + "?, ".repeat(keys.size() - 1) + "?)")) {
            bind(s, keys);
            s.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (" + owner + ", meta_key, meta_value) SELECT o.id,"
                    + " '_billing_vergi_no', '" + VKN + "' FROM (" + orders + ") o");
            s.executeUpdate("INSERT INTO " + table + " (" + owner + ", meta_key, meta_value) SELECT o.id,"
                    + " '_billing_vergi_dairesi', 'Çankaya Vergi Dairesi' FROM (" + orders + ") o");
        }
    }

    private static void bind(PreparedStatement s, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 1, values.get(i));
        }
    }
}
