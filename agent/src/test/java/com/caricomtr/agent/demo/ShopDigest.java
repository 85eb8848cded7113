package com.caricomtr.agent.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A SHA-256 of every row of each table, in primary key order: equal digests mean byte-identical data. */
final class ShopDigest {
    private ShopDigest() {
    }

    static Map<String, String> of(Connection c, String prefix) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String suffix : WooSchema.SINGLE_SITE_TABLES) {
            digests.put(suffix, table(c, prefix + suffix));
        }
        return digests;
    }

    private static String table(Connection c, String table) throws SQLException, Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM `" + table
                + "` ORDER BY 1")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    String v = rs.getString(i);
                    sha.update((v == null ? "\u0000NULL" : v).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0x1f);
                }
                sha.update((byte) 0x1e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
