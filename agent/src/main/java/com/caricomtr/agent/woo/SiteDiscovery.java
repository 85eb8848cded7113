package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Finds the WooCommerce shops in a database. A single site has one; a multisite network has one per blog, with
 * the prefix WordPress gives it: the base prefix for blog 1, {@code <base><blog_id>_} for the others. Blogs
 * without WooCommerce tables are skipped.
 */
public final class SiteDiscovery {
    private SiteDiscovery() {
    }

    public static List<WooSite> discover(DataSource dataSource, TablePrefix base) {
        try (Connection c = dataSource.getConnection()) {
            List<WooSite> sites = new ArrayList<>();
            if (!tableExists(c, base.table("blogs"))) {
                sites.add(site(c, 1, base));
                return sites;
            }
            List<Long> blogIds = new ArrayList<>();
            new Sql().query(c, "SELECT blog_id FROM " + base.table("blogs")
                    + " WHERE deleted = 0 AND archived = '0' AND spam = 0 ORDER BY blog_id",
                    rs -> blogIds.add(rs.getLong(1)));
            for (long id : blogIds) {
                TablePrefix prefix = id == 1 ? base : TablePrefix.of(base.value() + id + "_");
                if (tableExists(c, prefix.table("woocommerce_order_items"))) {
                    sites.add(site(c, id, prefix));
                }
            }
            return sites;
        } catch (SQLException e) {
            throw new WooReadException("cannot discover WooCommerce sites with prefix " + base, e);
        }
    }

    private static WooSite site(Connection c, long blogId, TablePrefix prefix) throws SQLException {
        String[] url = {""};
        new Sql().query(c, "SELECT option_value FROM " + prefix.table("options")
                + " WHERE option_name = 'siteurl'", rs -> url[0] = rs.getString(1));
        return new WooSite(blogId, prefix, StorageDetector.detect(c, prefix), url[0]);
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), null, table, new String[] {"TABLE"})) {
            while (rs.next()) {
                if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
