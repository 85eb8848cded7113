package com.caricomtr.agent.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShop;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.sync.SiteConfig;
import com.caricomtr.agent.sync.SiteSync;
import com.caricomtr.agent.sync.SyncEngine;
import com.caricomtr.agent.sync.SyncPolicy;
import com.caricomtr.agent.sync.state.BackfillState;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.SiteDiscovery;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.agent.woo.WooSite;

import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo on embedded defaults: a generated Turkish shop in an embedded MariaDB, read by the agent, and its orders
 * synced into an in-process Cari sandbox.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a Turkish demo shop in an embedded MariaDB and sync it into a Cari sandbox.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--orders", defaultValue = "500", description = "Orders to generate (default: ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--layout", defaultValue = "HPOS",
            description = "HPOS, HPOS_WITH_SYNC or POSTS (default: ${DEFAULT-VALUE})")
    StorageLayout layout;

    @Option(names = "--no-sync", description = "Only generate and read the shop")
    boolean noSync;

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
            if (!noSync) {
                syncIntoSandbox(db);
            }
        }
        return 0;
    }

    /** Backfills the shop's orders in trigger statuses into an in-process Cari sandbox, as the agent would. */
    private static void syncIntoSandbox(DatabaseSettings db) {
        try (CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build())) {
            SiteConfig site = new SiteConfig("demo", db, TablePrefix.of("wp_"), null,
                    "demo-secret-0123456789abcdefghijklmnop", CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token"),
                    InvoiceSettings.defaults(), SyncPolicy.DEFAULTS.withThroughput(8, 1000), false, false);
            try (SyncEngine engine = SyncEngine.start(List.of(site), "demo", false)) {
                SiteSync sync = engine.site("demo").orElseThrow();
                long started = System.nanoTime();
                long id = sync.startBackfill(null, null, List.of()).id();
                System.out.println("Syncing orders in " + site.policy().triggerStatuses() + " into a Cari sandbox at "
                        + sandbox.baseUrl() + " ...");
                Map<SyncState, Long> counts = Map.of();
                while (System.nanoTime() - started < 300_000_000_000L) {
                    counts = sync.runtime().state().orders().countsByState();
                    boolean backfillDone = sync.backfill(id).map(b -> b.state() != BackfillState.RUNNING)
                            .orElse(true);
                    if (backfillDone && counts.getOrDefault(SyncState.PENDING, 0L) == 0
                            && counts.getOrDefault(SyncState.SENDING, 0L) == 0) {
                        break;
                    }
                    sleep();
                }
                System.out.printf(Locale.ROOT, "Synced in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                        counts);
                var stats = sandbox.stats();
                System.out.println("Cari sandbox holds " + stats.invoices() + " invoices and " + stats.customers()
                        + " customers; rejected " + stats.rejections() + ", invoiced twice "
                        + stats.ordersInvoicedMoreThanOnce().size());
                sandbox.invoices().stream().findFirst().ifPresent(i -> System.out.println("First invoice: "
                        + i.faturaNo() + " for order " + i.siparisNo().orElse("?") + ", total "
                        + i.amount("genel_toplam").toPlainString() + " TRY"));
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
