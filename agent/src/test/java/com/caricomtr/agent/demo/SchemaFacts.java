package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What information_schema says about one table in the connection's current database: columns, indexes and the
 * table's own engine/collation. Two of these compare into readable differences naming table, column and property.
 */
record SchemaFacts(String table, Map<String, Map<String, String>> columns, Map<String, Map<String, String>> indexes,
                   Map<String, String> tableOptions) {

    private static final List<String> COLUMN_PROPERTIES = List.of("ORDINAL_POSITION", "COLUMN_TYPE", "IS_NULLABLE",
            "COLUMN_DEFAULT", "EXTRA", "CHARACTER_SET_NAME", "COLLATION_NAME");
    private static final List<String> INDEX_PROPERTIES = List.of("COLUMN_NAME", "SUB_PART", "NON_UNIQUE");
    private static final List<String> TABLE_PROPERTIES = List.of("ENGINE", "TABLE_COLLATION");

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    static SchemaFacts read(Connection c, String table) throws SQLException {
        Map<String, Map<String, String>> columns = rows(c, "SELECT COLUMN_NAME, " + String.join(", ", COLUMN_PROPERTIES)
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION", table, COLUMN_PROPERTIES, "COLUMN_NAME");
        // One entry per index column: "index_name#seq" keeps composite indexes' column order in the key.
        Map<String, Map<String, String>> indexes = rows(c, "SELECT CONCAT(INDEX_NAME, '#', SEQ_IN_INDEX) AS IDX, "
                + String.join(", ", INDEX_PROPERTIES) + " FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX",
                table, INDEX_PROPERTIES, "IDX");
        Map<String, Map<String, String>> options = rows(c, "SELECT TABLE_NAME, " + String.join(", ", TABLE_PROPERTIES)
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
                table, TABLE_PROPERTIES, "TABLE_NAME");
        return new SchemaFacts(table, columns, indexes, options.getOrDefault(table, Map.of()));
    }

    /** Every way {@code ours} differs from {@code this} (the reference), one readable line each. */
    List<String> differencesFrom(SchemaFacts ours) {
        List<String> out = new ArrayList<>();
        compare("column", columns, ours.columns, out);
        compare("index", indexes, ours.indexes, out);
        for (String property : TABLE_PROPERTIES) {
            String expected = tableOptions.get(property);
            String actual = ours.tableOptions.get(property);
            if (!Objects.equals(expected, actual)) {
                out.add(table + ": table " + property + " differs: WooCommerce has " + show(expected) + ", ours has "
                        + show(actual));
            }
        }
        return out;
    }

    private void compare(String kind, Map<String, Map<String, String>> reference, Map<String, Map<String, String>> ours,
                         List<String> out) {
        for (String name : new TreeSet<>(reference.keySet())) {
            if (!ours.containsKey(name)) {
                out.add(table + "." + name + ": " + kind + " missing from our DDL " + reference.get(name));
                continue;
            }
            reference.get(name).forEach((property, expected) -> {
                String actual = ours.get(name).get(property);
                if (!Objects.equals(expected, actual)) {
                    out.add(table + "." + name + ": " + kind + " " + property + " differs: WooCommerce has "
                            + show(expected) + ", ours has " + show(actual));
                }
            });
        }
        for (String name : new TreeSet<>(ours.keySet())) {
            if (!reference.containsKey(name)) {
                out.add(table + "." + name + ": " + kind + " only in our DDL " + ours.get(name));
            }
        }
    }

    private static Map<String, Map<String, String>> rows(Connection c, String sql, String table,
                                                         List<String> properties, String keyColumn)
            throws SQLException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String property : properties) {
                        values.put(property, rs.getString(property));
                    }
                    out.put(rs.getString(keyColumn), values);
                }
            }
        }
        return out;
    }

    private static String show(String value) {
        return value == null ? "SQL NULL" : "'" + value + "'";
    }
}
