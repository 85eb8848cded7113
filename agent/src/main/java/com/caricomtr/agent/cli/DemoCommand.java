package com.caricomtr.agent.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShop;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.SiteDiscovery;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.agent.woo.WooSite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The demo on embedded defaults: a generated Turkish shop in an embedded MariaDB, read by the agent. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a Turkish demo shop in an embedded MariaDB and run the agent on it.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--orders", defaultValue = "500", description = "Orders to generate (default: ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--layout", defaultValue = "HPOS",
            description = "HPOS, HPOS_WITH_SYNC or POSTS (default: ${DEFAULT-VALUE})")
    StorageLayout layout;

    @Override
    public Integer call() {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start()) {
            server.createDatabase("demo_shop", true);
            DatabaseSettings db = DatabaseSettings.of(server.jdbcUrl("demo_shop"), "root", "");
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
                DemoShop shop = DemoShopGenerator.generate(pool.dataSource(), "wp_", layout, orders, 2025);
                System.out.printf(Locale.ROOT, "Generated %d orders and %d refunds (%d rows) in %d ms%n",
                        shop.orderCount(), shop.refundCount(), shop.rowCount(), shop.elapsed().toMillis());
                WooSite site = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of("wp_")).getFirst();
                System.out.println("Site " + site.prefix() + ": orders in " + site.storage().describe());
                OrderReader reader = OrderReader.create(pool.dataSource(), site.prefix(),
                        site.storage().authoritative(), ReaderSettings.DEFAULTS);
                Summary summary = new Summary();
                long started = System.nanoTime();
                reader.readAll(r -> {
                    r.orders().forEach(summary::add);
                    summary.rejected += r.rejections().size();
                });
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.out.printf(Locale.ROOT, "Read %d orders in %d ms with %d SQL statements%n", summary.count, ms,
                        reader.statementCount());
                System.out.println("By status: " + summary.byStatus);
                System.out.println("Total of all orders: " + summary.total.toPlainString() + " TRY");
                System.out.println("Orders with problems: " + summary.withProblems + ", rejected: " + summary.rejected);
            }
        }
        return 0;
    }

    private static final class Summary {
        final Map<String, Integer> byStatus = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int count;
        int withProblems;
        int rejected;

        void add(Order order) {
            count++;
            byStatus.merge(order.status(), 1, Integer::sum);
            total = total.add(order.totals().total());
            if (!order.problems().isEmpty()) {
                withProblems++;
            }
        }
    }
}
