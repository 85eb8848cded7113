package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.config.ConfigurationRefused;

/**
 * Whether a database holds the WordPress shop a site's prefix names, checked before anything else reads it: a wrong
 * prefix otherwise surfaces as "Table 'wp.wpx_options' doesn't exist" from somewhere deep in a start, and no
 * WooCommerce at all as an empty shop that never syncs.
 */
public final class ShopTables {
    private ShopTables() {
    }

    /**
     * @param site names the site in the refusal
     * @throws ConfigurationRefused naming the missing tables, and the prefixes the database does hold
     */
    public static void check(Connection connection, TablePrefix prefix, String site) throws SQLException {
        String database = connection.getCatalog();
        List<String> tables = tables(connection);
        String options = prefix.table("options");
        if (!tables.contains(options)) {
            List<String> prefixes = tables.stream().filter(t -> t.endsWith("_options") && !t.contains("caricomtr"))
                    .map(t -> t.substring(0, t.length() - "options".length())).toList();
            throw new ConfigurationRefused("site " + site + ": database " + database + " has no WordPress table "
                    + options + " (prefix: " + prefix.value() + "); " + (prefixes.isEmpty()
                    ? "it holds no WordPress tables at all: check database.url"
                    : "it holds WordPress tables with the prefix " + String.join(", ", prefixes) + ": set prefix"));
        }
        List<String> missing = new ArrayList<>();
        for (String table : List.of("posts", "postmeta", "woocommerce_order_items", "woocommerce_order_itemmeta")) {
            if (!tables.contains(prefix.table(table))) {
                missing.add(prefix.table(table));
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationRefused("site " + site + ": database " + database + " holds WordPress but not "
                    + "WooCommerce's tables (" + String.join(", ", missing) + " are missing): install and activate"
                    + " WooCommerce on that site, or check prefix");
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
