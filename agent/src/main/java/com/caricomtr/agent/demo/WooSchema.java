package com.caricomtr.agent.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.caricomtr.agent.db.SqlScript;

/**
 * Creates the WordPress/WooCommerce tables the agent reads, exactly as WordPress 6.9 and WooCommerce 9.9 create them
 * (column order, types, defaults, indexes, utf8mb4_unicode_520_ci). The DDL lives in {@code woo/schema/*.sql} with a
 * {@code {prefix}} placeholder; it is replaced only after {@link #validatePrefix(String)} accepted the prefix, because
 * a table prefix ends up inside SQL text where it cannot be bound as a parameter.
 *
 * <p>Tables are created with {@code IF NOT EXISTS}, so running this on a database that already has them is harmless.
 */
public final class WooSchema {
    /** Per-site WordPress tables (resource {@code woo/schema/wordpress.sql}). */
    public static final List<String> WORDPRESS_SITE_TABLES = List.of("options", "posts", "postmeta");
    /** WooCommerce order tables, HPOS and order items (resource {@code woo/schema/woocommerce-orders.sql}). */
    public static final List<String> WOOCOMMERCE_ORDER_TABLES = List.of("wc_orders", "wc_order_addresses",
            "wc_order_operational_data", "wc_orders_meta", "woocommerce_order_items", "woocommerce_order_itemmeta");
    /** WooCommerce tax configuration (resource {@code woo/schema/woocommerce-tax.sql}). */
    public static final List<String> WOOCOMMERCE_TAX_TABLES = List.of("woocommerce_tax_rates",
            "woocommerce_tax_rate_locations", "wc_tax_rate_classes");
    /** Users, global to a network (resource {@code woo/schema/users.sql}). */
    public static final List<String> USER_TABLES = List.of("users", "usermeta");
    /** Multisite only, base prefix only (resource {@code woo/schema/network.sql}). */
    public static final List<String> NETWORK_TABLES = List.of("blogs");

    /** Every table a single-site shop has, in creation order; {@link #NETWORK_TABLES} is not among them. */
    public static final List<String> SINGLE_SITE_TABLES = concat(USER_TABLES, WORDPRESS_SITE_TABLES,
            WOOCOMMERCE_ORDER_TABLES, WOOCOMMERCE_TAX_TABLES);

    /** The longest table name suffix we create; MySQL and MariaDB cap table names at 64 characters. */
    static final int MAX_PREFIX_LENGTH = 64 - "woocommerce_tax_rate_locations".length();

    /**
     * WordPress's own rule ({@code wpdb::set_prefix}): letters, digits and underscores only. Anything else is refused
     * here because the prefix is pasted into SQL text.
     */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]+");

    private static final List<String> SQL_MODES_REJECTING_WORDPRESS_DEFAULTS = List.of(
            "NO_ZERO_DATE", "NO_ZERO_IN_DATE", "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "TRADITIONAL", "ANSI");

    private WooSchema() {
    }

    /**
     * Returns {@code prefix} when it is a usable table prefix: non-empty, ASCII letters, digits and {@code _} only, and
     * short enough for the longest table name. Throws {@link IllegalArgumentException} naming the problem otherwise.
     */
    public static String validatePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("table prefix must not be empty (WordPress's default is wp_)");
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix may contain only ASCII letters, digits and _, got \""
                    + printable(prefix) + "\"");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("table prefix is " + prefix.length() + " characters; at most "
                    + MAX_PREFIX_LENGTH + " keep table names within MySQL's 64-character limit");
        }
        return prefix;
    }

    /** Creates every table of a single-site shop: users, WordPress site tables, WooCommerce order and tax tables. */
    public static void create(Connection connection, String prefix) {
        run(connection, prefix, "users.sql", "wordpress.sql", "woocommerce-orders.sql", "woocommerce-tax.sql");
    }

    /** Creates one site's own tables in a multisite network (e.g. prefix {@code wp_2_}); users stay network-wide. */
    public static void createSiteTables(Connection connection, String prefix) {
        run(connection, prefix, "wordpress.sql", "woocommerce-orders.sql", "woocommerce-tax.sql");
    }

    /** Creates the network-wide tables under the base prefix: users, usermeta and blogs. */
    public static void createNetworkTables(Connection connection, String basePrefix) {
        run(connection, basePrefix, "users.sql", "network.sql");
    }

    /** The DDL of one resource with the prefix filled in; for callers that want to show or store the SQL. */
    public static String ddl(String resource, String prefix) {
        validatePrefix(prefix);
        return read(resource).replace("{prefix}", prefix);
    }

    private static void run(Connection connection, String prefix, String... resources) {
        validatePrefix(prefix);
        String sql = Arrays.stream(resources).map(r -> ddl(r, prefix)).collect(Collectors.joining("\n"));
        // WordPress's defaults ('0000-00-00 00:00:00') are refused under MySQL 8's default sql_mode; WordPress itself
        // drops these modes per session (wpdb::set_sql_mode), so do the same and put the caller's mode back after.
        try (Statement s = connection.createStatement()) {
            String original = sessionSqlMode(s);
            s.execute("SET SESSION sql_mode = '" + withoutIncompatibleModes(original) + "'");
            try {
                SqlScript.run(connection, new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)), false);
            } finally {
                s.execute("SET SESSION sql_mode = '" + original + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create WooCommerce tables with prefix " + prefix + ": "
                    + e.getMessage(), e);
        }
    }

    private static String sessionSqlMode(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            String mode = rs.getString(1);
            return mode == null ? "" : mode;
        }
    }

    static String withoutIncompatibleModes(String sqlMode) {
        return Arrays.stream(sqlMode.split(","))
                .map(String::strip)
                .filter(m -> !m.isEmpty() && !SQL_MODES_REJECTING_WORDPRESS_DEFAULTS.contains(m.toUpperCase()))
                .collect(Collectors.joining(","));
    }

    private static String read(String resource) {
        String path = "/woo/schema/" + resource;
        try (InputStream in = WooSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        return out.toString();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
