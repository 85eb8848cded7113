package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent never writes into WooCommerce's tables: on a real WooCommerce database, migrating and working every
 * store leaves every other table's checksum and row count as it was, and adds only {@code *caricomtr_*} tables.
 */
class WooCommerceTablesUntouchedTest {

    @Test
    void aFullStoreWorkoutChangesOnlyTheAgentsOwnTables() throws Exception {
        DatabaseSettings shop = TestDatabase.get().fixtureCopy("hpos");
        Map<String, String> before = fingerprints(shop);
        assertThat(before).as("the fixture's WooCommerce tables").containsKey("wp_wc_orders").hasSizeGreaterThan(40);

        try (StateFixture state = StateFixture.migrated(shop, StateLocation.inWordPressDatabase("wp_"))) {
            StoreWorkout.run(state.pool.dataSource(), state.location, "shop");
            StoreWorkout.run(state.pool.dataSource(), state.location, "second-site");
        }

        Map<String, String> after = fingerprints(shop);
        Map<String, String> wooBefore = withoutOurs(before);
        Map<String, String> wooAfter = withoutOurs(after);
        assertThat(wooAfter).isEqualTo(wooBefore);
        assertThat(after.keySet()).filteredOn(WooCommerceTablesUntouchedTest::ours)
                .containsExactlyInAnyOrderElementsOf(AgentStateSchemaTest.expectedTables("wp_"));
        assertThat(after.get("wp_caricomtr_order_sync")).as("the workout did write our tables")
                .isNotEqualTo("rows=0");
    }

    private static boolean ours(String table) {
        return table.contains(StateTable.MARKER);
    }

    private static Map<String, String> withoutOurs(Map<String, String> tables) {
        Map<String, String> woo = new TreeMap<>(tables);
        woo.keySet().removeIf(WooCommerceTablesUntouchedTest::ours);
        return woo;
    }

    /** Row count and CHECKSUM TABLE of every table: any insert, update or delete changes one of them. */
    private static Map<String, String> fingerprints(DatabaseSettings db) throws SQLException {
        Map<String, String> fingerprints = new TreeMap<>();
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                long rows;
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                try (ResultSet rs = s.executeQuery("CHECKSUM TABLE `" + table + "`")) {
                    rs.next();
                    fingerprints.put(table, "rows=" + rows + " checksum=" + rs.getString(2));
                }
            }
        }
        return fingerprints;
    }
}
