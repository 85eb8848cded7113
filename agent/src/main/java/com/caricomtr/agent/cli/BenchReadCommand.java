package com.caricomtr.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.db.SqlScript;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.SiteDiscovery;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.agent.woo.WooSite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The order reader's benchmark: loads every order of large databases on an embedded MariaDB and prints orders/s,
 * SQL statements per order and peak heap. A command that prints figures, not a timed test.
 */
@Command(name = "bench-read", mixinStandardHelpOptions = true,
        description = "Benchmark the order reader on large shops (embedded MariaDB).")
public final class BenchReadCommand implements Callable<Integer> {
    @Option(names = "--fixture", description = "A WooCommerce dump (.sql.gz) to load, e.g. "
            + "../shared/fixtures/woocommerce/hpos_bulk.sql.gz (default: that file when it exists)")
    List<Path> fixtures;

    @Option(names = "--no-fixtures", description = "Generated shops only")
    boolean noFixtures;

    @Option(names = "--generate", defaultValue = "20000",
            description = "Orders in each generated shop (default: ${DEFAULT-VALUE}); 0 skips generation")
    int generate;

    @Option(names = "--layouts", split = ",", defaultValue = "HPOS,HPOS_WITH_SYNC,POSTS",
            description = "Storage layouts to generate (default: ${DEFAULT-VALUE})")
    List<StorageLayout> layouts;

    @Option(names = "--batch", defaultValue = "1000", description = "Orders per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Measured full reads per data set, at least 20,000 orders in all, after a warm-up of as"
                    + " many (default: ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<Path> dumps = noFixtures ? List.of() : fixtures != null ? fixtures : defaultFixtures();
        System.out.printf(Locale.ROOT, "bench-read: %d cores, max heap %d MB, batch %d, %d measured rounds%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, batch, rounds);
        System.out.printf(Locale.ROOT, "%-28s %8s %10s %12s %14s %14s %14s %14s%n", "data set", "orders", "seconds",
                "orders/s", "SQL/order", "peak heap MB", "agent CPU µs", "server CPU µs");
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start()) {
            int n = 0;
            for (Path dump : dumps) {
                String db = "bench" + (++n);
                server.createDatabase(db, true);
                DatabaseSettings settings = DatabaseSettings.of(server.jdbcUrl(db), "root", "");
                try (Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), "root", "");
                     InputStream in = Files.newInputStream(dump)) {
                    SqlScript.run(c, in, dump.toString().endsWith(".gz"));
                }
                measure(dump.getFileName().toString(), settings);
            }
            if (generate > 0) {
                for (StorageLayout layout : layouts) {
                    String db = "bench" + (++n);
                    server.createDatabase(db, true);
                    DatabaseSettings settings = DatabaseSettings.of(server.jdbcUrl(db), "root", "");
                    try (JdbcConnectionPool pool = JdbcConnectionPool.open(settings)) {
                        DemoShopGenerator.generate(pool.dataSource(), "wp_", layout, generate, 42);
                    }
                    measure("generated " + layout.name().toLowerCase(Locale.ROOT), settings);
                }
            }
        }
        return 0;
    }

    private void measure(String name, DatabaseSettings settings) {
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(settings)) {
            settle(pool);
            WooSite site = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of("wp_")).getFirst();
            // Warm the JIT on at least 20,000 orders, whatever the data set's size.
            OrderReader warmUp = reader(pool, site);
            for (long warmed = 0; warmed < 20_000; ) {
                warmed += readAll(warmUp);
            }
            System.gc();
            resetPeaks();
            OrderReader reader = reader(pool, site);
            long orders = 0;
            int done = 0;
            long agentCpu = CpuTime.agent();
            long serverCpu = CpuTime.server();
            long started = System.nanoTime();
            while (done < rounds || orders < 20_000) {
                orders += readAll(reader);
                done++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            agentCpu = CpuTime.agent() - agentCpu;
            serverCpu = CpuTime.server() - serverCpu;
            System.out.printf(Locale.ROOT, "%-28s %8d %10.2f %12.0f %14.4f %14d %14.1f %14.1f%n",
                    name + " (" + site.storage().describe() + ")", orders / done, seconds, orders / seconds,
                    (double) reader.statementCount() / orders, peakHeap() >> 20, agentCpu / 1e3 / orders,
                    serverCpu / 1e3 / orders);

        }
    }

    /**
     * Waits until the server has written the freshly loaded data to disk: otherwise its page cleaner competes with
     * the reads being measured, and the figures measure the load, not the reader.
     */
    private static void settle(JdbcConnectionPool pool) {
        try (java.sql.Connection c = pool.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
                    if (rs.next() && rs.getLong(2) < 100) {
                        return;
                    }
                }
                Thread.sleep(250);
            }
        } catch (java.sql.SQLException e) {
            System.out.println("(could not wait for the server to settle: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OrderReader reader(JdbcConnectionPool pool, WooSite site) {
        return OrderReader.create(pool.dataSource(), site.prefix(), site.storage().authoritative(),
                ReaderSettings.DEFAULTS.withBatchSize(batch));
    }

    private static long readAll(OrderReader reader) {
        AtomicLong count = new AtomicLong();
        reader.readAll(result -> {
            if (!result.rejections().isEmpty()) {
                throw new IllegalStateException("rejected: " + result.rejections());
            }
            count.addAndGet(result.orders().size());
        });
        return count.get();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap the reads needed at once. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pools.add(pool);
            }
        }
        return pools;
    }

    private static List<Path> defaultFixtures() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path bulk = dir.resolve("../shared/fixtures/woocommerce/hpos_bulk.sql.gz").normalize();
            if (Files.isRegularFile(bulk)) {
                return List.of(bulk);
            }
        }
        System.out.println("(../shared/fixtures/woocommerce/hpos_bulk.sql.gz not found: generated shops only)");
        return List.of();
    }
}
