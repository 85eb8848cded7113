package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

/**
 * Fills an empty database with a realistic Turkish WooCommerce 9.9 shop (TRY, KDV 20/10/1 % and tax-free, guests,
 * registered customers, companies with VKN, individuals with TCKN, buyers in Germany, coupons, fees, refunds), laid
 * out exactly as WooCommerce stores it in the chosen {@link StorageLayout}. The same seed gives the same shop, in
 * every layout. Amounts follow WooCommerce's own order arithmetic (see {@link OrderCalculator}), so the identities a
 * real shop's data satisfies hold here too.
 *
 * <p>Creates the tables first (see {@link WooSchema}) and refuses a database that already holds shop data. All rows go
 * in one transaction through multi-row INSERTs on the given connection.
 */
public final class DemoShopGenerator {
    static final int REGISTERED_CUSTOMERS = 20;
    private static final List<String> TABLES_THAT_MUST_BE_EMPTY = List.of("posts", "options", "users", "wc_orders",
            "woocommerce_order_items");

    private DemoShopGenerator() {
    }

    /** Generates into the database of {@code dataSource}, on one connection taken from it. */
    public static DemoShop generate(DataSource dataSource, String prefix, StorageLayout layout, int orderCount,
                                    long seed) {
        Objects.requireNonNull(dataSource, "dataSource");
        WooSchema.validatePrefix(prefix);
        try (Connection connection = dataSource.getConnection()) {
            return generate(connection, prefix, layout, orderCount, seed);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot get a connection for the demo shop: " + e.getMessage(), e);
        }
    }

    /**
     * Generates into the connection's current database. The connection's auto-commit setting is restored afterwards;
     * on failure nothing of the shop's data is left behind (the tables themselves stay).
     */
    public static DemoShop generate(Connection connection, String prefix, StorageLayout layout, int orderCount,
                                    long seed) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(layout, "layout");
        WooSchema.validatePrefix(prefix);
        if (orderCount < 0) {
            throw new IllegalArgumentException("orderCount must not be negative, got " + orderCount);
        }
        long started = System.nanoTime();
        WooSchema.create(connection, prefix); // DDL commits implicitly, so it runs before our transaction
        try {
            requireEmpty(connection, prefix);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                DemoShop shop = write(connection, prefix, layout, orderCount, seed, started);
                connection.commit();
                return shop;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo shop generation failed: " + e.getMessage(), e);
        }
    }

    private static DemoShop write(Connection connection, String prefix, StorageLayout layout, int orderCount, long seed,
                                  long started) throws SQLException {
        try (ShopRows rows = new ShopRows(connection, prefix)) {
            List<Buyer> customers = registeredCustomers(seed);
            new ShopSetupWriter(rows).write(layout, customers);

            OrderCalculator calculator = new OrderCalculator(
                    WooMath.taxRoundingFor(ShopSetupWriter.STORE_PRICES_INCLUDE_TAX));
            OrderPlanner planner = new OrderPlanner(seed, orderCount, customers, calculator);
            OrderItemsWriter items = new OrderItemsWriter(rows);
            HposOrderWriter hpos = new HposOrderWriter(rows);
            PostsOrderWriter posts = new PostsOrderWriter(rows, layout);
            PlaceholderWriter placeholders = new PlaceholderWriter(rows);
            long[] nextItemId = {1};
            long[] nextRefundId = {DemoCatalog.FIRST_ORDER_ID + orderCount};
            int refunds = 0;
            for (int i = 0; i < orderCount; i++) {
                DemoOrder order = planner.plan(i, DemoCatalog.FIRST_ORDER_ID + i, () -> nextItemId[0]++,
                        () -> nextRefundId[0]++);
                items.write(order.id(), order.items());
                order.refunds().forEach(refund -> items.write(refund.id(), refund.items()));
                refunds += order.refunds().size();
                if (layout.writesHposTables()) {
                    hpos.write(order);
                }
                if (layout.writesOrderPosts()) {
                    posts.write(order);
                } else if (layout.hposAuthoritative()) {
                    placeholders.write(order);
                }
            }
            rows.flush();
            return new DemoShop(prefix, layout, seed, DemoCatalog.FIRST_ORDER_ID, orderCount, refunds,
                    rows.orderItems.written(), rows.written(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The shop's registered customers, user ids 2 and up (1 is the admin); a quarter of them companies. */
    static List<Buyer> registeredCustomers(long seed) {
        SplittableRandom r = new SplittableRandom(OrderPlanner.mix(seed ^ 0x5EED_C057_0E25L));
        List<Buyer> customers = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        while (customers.size() < REGISTERED_CUSTOMERS) {
            Buyer b = DemoPeople.turkish(r, r.nextInt(4) == 0);
            if (emails.add(b.billing().email())) {
                customers.add(b.withUserId(customers.size() + 2));
            }
        }
        return customers;
    }

    private static void requireEmpty(Connection connection, String prefix) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String table : TABLES_THAT_MUST_BE_EMPTY) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM `" + prefix + table + "` LIMIT 1")) {
                    if (rs.next()) {
                        throw new IllegalStateException("table " + prefix + table + " already has rows; the demo shop"
                                + " is generated into an empty database (or a new table prefix) only");
                    }
                }
            }
        }
    }
}
