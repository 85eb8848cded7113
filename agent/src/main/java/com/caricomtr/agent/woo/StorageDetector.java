package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the storage options of one site. */
public final class StorageDetector {
    static final String HPOS_ENABLED = "woocommerce_custom_orders_table_enabled";
    static final String SYNC_ENABLED = "woocommerce_custom_orders_table_data_sync_enabled";

    private StorageDetector() {
    }

    /**
     * The storage WooCommerce itself would use. Before WooCommerce 8.2 the options do not exist and posts are
     * authoritative, which is also WooCommerce's default when the option is missing.
     */
    public static StorageMode detect(Connection connection, TablePrefix prefix) throws SQLException {
        Map<String, String> options = new HashMap<>();
        new Sql().query(connection, "SELECT option_name, option_value FROM " + prefix.table("options")
                        + " WHERE option_name IN ('" + HPOS_ENABLED + "','" + SYNC_ENABLED + "')",
                rs -> options.put(rs.getString(1), rs.getString(2)));
        boolean hpos = "yes".equals(options.get(HPOS_ENABLED));
        boolean sync = "yes".equals(options.get(SYNC_ENABLED));
        return new StorageMode(hpos ? OrderStorage.HPOS : OrderStorage.POSTS, sync);
    }
}
