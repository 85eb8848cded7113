package com.caricomtr.agent.testing;

import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.OrderStorage;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.Rejection;
import com.caricomtr.agent.woo.SiteDiscovery;
import com.caricomtr.agent.woo.StorageMode;
import com.caricomtr.agent.woo.TablePrefix;

/** Loads every order of a {@code ../shared} fixture through the real reader. */
public final class FixtureOrders {
    public record Read(StorageMode mode, List<Order> orders, List<Rejection> rejections, long statements) {
    }

    private FixtureOrders() {
    }

    /** Every order of the fixture, from {@code storage}, or from the authoritative storage when null. */
    public static Read read(String fixture, OrderStorage storage) {
        DatabaseSettings db = TestDatabase.get().fixture(fixture);
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            StorageMode mode = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of("wp_")).getFirst().storage();
            OrderReader reader = OrderReader.create(pool.dataSource(), TablePrefix.of("wp_"),
                    storage == null ? mode.authoritative() : storage, ReaderSettings.DEFAULTS.withBatchSize(500));
            List<Order> orders = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            reader.readAll(r -> {
                orders.addAll(r.orders());
                rejections.addAll(r.rejections());
            });
            return new Read(mode, orders, rejections, reader.statementCount());
        }
    }
}
