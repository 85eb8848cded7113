package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

/** One generated demo shop per layout and test JVM, shared read-only by the tests that inspect it. */
final class GeneratedShops {
    static final int ORDERS = 1_500;
    static final long SEED = 20250101L;

    record Generated(DatabaseSettings database, DemoShop shop) {
        Connection connect() throws SQLException {
            return TestDatabase.connect(database);
        }
    }

    private static final Map<StorageLayout, Generated> SHOPS = new ConcurrentHashMap<>();

    private GeneratedShops() {
    }

    static Generated of(StorageLayout layout) {
        return SHOPS.computeIfAbsent(layout, l -> generate(l, ORDERS, SEED));
    }

    static Generated generate(StorageLayout layout, int orders, long seed) {
        DatabaseSettings db = TestDatabase.get().newDatabase("demo_" + layout.name().toLowerCase());
        try (Connection c = TestDatabase.connect(db)) {
            return new Generated(db, DemoShopGenerator.generate(c, "wp_", layout, orders, seed));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
