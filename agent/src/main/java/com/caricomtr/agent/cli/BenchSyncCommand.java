package com.caricomtr.agent.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.api.AgentRouting;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.cari.CariClient;
import com.caricomtr.agent.cari.CariExchangeListener;
import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceMapper;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.MappingException;
import com.caricomtr.agent.sync.CustomerIds;
import com.caricomtr.agent.sync.InvoiceDelivery;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.OrderStorage;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.sync.SiteConfig;
import com.caricomtr.agent.sync.SyncEngine;
import com.caricomtr.agent.sync.SyncPolicy;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.store.Company;
import com.caricomtr.sandbox.store.StoredInvoice;

import io.helidon.webserver.WebServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sync's benchmark, on an embedded MariaDB and an in-process sandbox: latency from a status change to the
 * invoice accepted by Cari (via the signed notify call, and via polling alone); then, in a separate agent process
 * with the production JVM flags, the throughput of a backfill and the idle RSS.
 */
@Command(name = "bench-sync", mixinStandardHelpOptions = true,
        description = "Benchmark the sync: notify and polling latency, backfill throughput, idle RSS.")
public final class BenchSyncCommand implements Callable<Integer> {
    private static final String SECRET = "bench-secret-0123456789abcdefghijklmnop";
    /** A second company of the sandbox, so that warming it up leaves the measured company's books untouched. */
    private static final Company WARM_UP = new Company("WARMUP", "warmup-token", "Warm-up Ltd.");
    private static final int WARM_UP_ORDERS = 3_000;

    @Option(names = "--backfill-orders", defaultValue = "10000",
            description = "Orders in the backfill (default: ${DEFAULT-VALUE})")
    int backfillOrders;

    @Option(names = "--notify-samples", defaultValue = "200", description = "Status changes via notify")
    int notifySamples;

    @Option(names = "--poll-samples", defaultValue = "20", description = "Status changes found by polling")
    int pollSamples;

    @Option(names = "--skip-rss", description = "Do not measure an idle agent's RSS")
    boolean skipRss;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start();
             CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).addCompany(WARM_UP).build())) {
            server.createDatabase("bench_sync", true);
            DatabaseSettings db = new DatabaseSettings(server.jdbcUrl("bench_sync"), "root", "", 16, "bench");
            int shopOrders = backfillOrders + notifySamples * 2 + pollSamples * 2;
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
                DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, shopOrders, 5);
            }
            SiteConfig site = new SiteConfig("bench", db, TablePrefix.of("wp_"), null, SECRET,
                    CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token")
                            .withConnections(16, Duration.ofSeconds(30), 16),
                    InvoiceSettings.defaults(), SyncPolicy.DEFAULTS.withThroughput(16, 5000), false, false);
            System.out.printf(Locale.ROOT, "bench-sync: %d cores, shop of %d orders%n",
                    Runtime.getRuntime().availableProcessors(), shopOrders);
            try (SyncEngine engine = SyncEngine.start(List.of(site), "bench", true)) {
                WebServer api = WebServer.builder().host("127.0.0.1").port(0)
                        .routing(r -> AgentRouting.routing(r, InMemorySiteSecrets.of(Map.of("bench", SECRET)),
                                SignatureSettings.defaults(), new HookRegistry(), engine))
                        .build().start();
                try {
                    List<Long> candidates = ids(db, "pending", "on-hold");
                    latencies("notify", db, sandbox, candidates.subList(0, notifySamples), api.port());
                    latencies("polling", db, sandbox,
                            candidates.subList(notifySamples, notifySamples + pollSamples), -1);
                } finally {
                    api.stop();
                }
            }
            // The backfill runs in its own agent process with the agent's production JVM flags, so that its CPU is
            // measured apart from the sandbox's and the in-process engine above is gone.
            warmUp(db, sandbox);
            backfill(db, sandbox);
            if (!skipRss) {
                idleRss(db, sandbox);
            }
        }
        return 0;
    }

    /** Status change → invoice accepted, one order at a time; p50 and p99 from the sandbox's receive times. */
    private void latencies(String via, DatabaseSettings db, CariSandbox sandbox, List<Long> orders, int apiPort)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        RequestSigner bridge = new RequestSigner("bench", SECRET);
        long[] millis = new long[orders.size()];
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db); Connection c = pool.dataSource().getConnection();
             Statement s = c.createStatement()) {
            for (int i = 0; i < orders.size(); i++) {
                long order = orders.get(i);
                Instant changed = Instant.now();
                s.executeUpdate("UPDATE wp_wc_orders SET status = 'wc-processing', date_updated_gmt = UTC_TIMESTAMP()"
                        + " WHERE id = " + order);
                if (apiPort > 0) {
                    byte[] body = ("{\"order_id\":" + order + "}").getBytes(StandardCharsets.UTF_8);
                    http.send(bridge.request("POST", URI.create("http://127.0.0.1:" + apiPort
                            + "/v1/sites/bench/orders/notify"), body).build(), HttpResponse.BodyHandlers.discarding());
                }
                Instant received = awaitInvoice(sandbox, order, Duration.ofSeconds(30));
                millis[i] = Duration.between(changed, received).toMillis();
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-8s status change -> invoice accepted: p50 %d ms, p99 %d ms (%d orders)%n",
                via, percentile(millis, 50), percentile(millis, 99), millis.length);
    }

    private void backfill(DatabaseSettings db, CariSandbox sandbox) throws Exception {
        List<String> statuses = List.of("completed", "processing", "on-hold", "pending", "cancelled", "refunded",
                "failed");
        long target = ids(db, statuses.toArray(String[]::new)).size();
        long alreadySynced = syncedCount(db);
        long before = sandbox.invoiceCount();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // Concurrency and rate raised from the defaults (4 calls, 20 orders/s, polite to a shared Cari account) to
        // measure what the agent can do.
        try (AgentProcess agent = AgentProcess.start("""
                server: {host: 127.0.0.1, port: %d}
                sites:
                  - id: bench
                    secret: "%s"
                    database: {url: "%s", user: root, password: "", max-pool-size: 16}
                    cari: {base-url: "%s", firma-kodu: DEMO, api-token: demo-token, max-idle-connections: 16,
                           max-concurrent-calls: 16}
                    sync: {concurrency: 16, rate-per-second: 5000}
                    hooks: {require-registration: false}
                """.formatted(port, SECRET, db.jdbcUrl(), sandbox.baseUrl()))) {
            URI api = URI.create("http://127.0.0.1:" + port);
            HttpClient http = HttpClient.newHttpClient();
            awaitHealth(http, api);
            long agentCpu = agent.cpuNanos();
            long sandboxCpu = CpuTime.agent();
            long serverCpu = CpuTime.server();
            long start = System.nanoTime();
            byte[] body = ("{\"statuses\":[\"" + String.join("\",\"", statuses) + "\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> started = http.send(new RequestSigner("bench", SECRET)
                    .request("POST", api.resolve("/v1/sites/bench/backfills"), body).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("backfill not started: " + started.statusCode() + " " + started.body());
            }
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            // Watch the sandbox's in-memory count, then confirm the states once: counting states every few
            // milliseconds would put the benchmark's own queries on the database being measured.
            while (sandbox.invoiceCount() - before < target - alreadySynced && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            while (syncedCount(db) < target && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            agentCpu = agent.cpuNanos() - agentCpu;
            sandboxCpu = CpuTime.agent() - sandboxCpu;
            serverCpu = CpuTime.server() - serverCpu;
            long sent = sandbox.invoiceCount() - before;
            System.out.printf(Locale.ROOT, "backfill: %d orders synced in %.1f s = %.0f orders/s (sandbox accepted %d"
                    + " new invoices, %d rejected)%n  CPU per order: agent process %.2f ms, sandbox %.2f ms,"
                    + " database %.2f ms (agent JVM flags: %s)%n", target, seconds, target / seconds, sent,
                    sandbox.stats().rejections(), agentCpu / 1e6 / target, sandboxCpu / 1e6 / target,
                    serverCpu / 1e6 / target, AgentJvm.FLAGS);
        }
    }

    /**
     * The sandbox stands in for Cari, a server that is always warm: its JIT compiles on the first few thousand
     * requests would otherwise be counted against the agent, on the same two cores. The agent process gets no
     * warm-up.
     */
    private void warmUp(DatabaseSettings db, CariSandbox sandbox) throws Exception {
        List<Invoice> invoices = new ArrayList<>();
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            OrderReader reader = OrderReader.create(pool.dataSource(), TablePrefix.of("wp_"), OrderStorage.HPOS,
                    ReaderSettings.DEFAULTS);
            InvoiceMapper mapper = new InvoiceMapper(InvoiceSettings.defaults().withSeries("WRM"));
            for (Order order : reader.load(reader.orderIds(0, WARM_UP_ORDERS)).orders()) {
                try {
                    invoices.add(mapper.map(order));
                } catch (MappingException e) {
                    // not needed for a warm-up
                }
            }
        }
        long start = System.nanoTime();
        try (CariClient client = CariClient.create(CariSettings.of(sandbox.baseUrl(), WARM_UP.firmaKodu(),
                WARM_UP.token()).withConnections(16, Duration.ofSeconds(30), 16), CariExchangeListener.NONE)) {
            // A warm-up call that fails still warmed something.
            ConcurrentDeliveries.deliverAll(new InvoiceDelivery(client, CustomerIds.inMemory()), invoices, 16,
                    (index, nanos, failure) -> { });
        }
        System.out.printf(Locale.ROOT, "sandbox warmed up with %d invoices of another company in %.1f s%n",
                invoices.size(), (System.nanoTime() - start) / 1e9);
    }

    private static void awaitHealth(HttpClient http, URI api) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(api.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the agent did not answer /health within 60 s");
    }

    private static long syncedCount(DatabaseSettings db) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM wp_caricomtr_order_sync WHERE state = 'synced'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Starts {@code serve} as its own process, lets it idle, and reads its resident set size. */
    private void idleRss(DatabaseSettings db, CariSandbox sandbox) throws Exception {
        try (AgentProcess agent = AgentProcess.start("""
                server: {host: 127.0.0.1, port: 0}
                sites:
                  - id: bench
                    secret: "%s"
                    database: {url: "%s", user: root, password: ""}
                    cari: {base-url: "%s", firma-kodu: DEMO, api-token: demo-token}
                    hooks: {require-registration: false}
                """.formatted(SECRET, db.jdbcUrl(), sandbox.baseUrl()))) {
            Thread.sleep(20_000);
            System.out.printf(Locale.ROOT, "idle agent (one site, polling every 2 s, JVM flags %s): %s%n",
                    AgentJvm.FLAGS, agent.rss());
        }
    }

    private static Instant awaitInvoice(CariSandbox sandbox, long order, Duration timeout) throws Exception {
        String number = Long.toString(order);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (StoredInvoice invoice : sandbox.invoices()) {
                if (invoice.siparisNo().map(number::equals).orElse(false)) {
                    return invoice.receivedAt();
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("order " + order + " was not invoiced within " + timeout);
    }

    private static List<Long> ids(DatabaseSettings db, String... statuses) throws Exception {
        List<Long> ids = new ArrayList<>();
        String in = String.join(",", Arrays.stream(statuses).map(s -> "'wc-" + s + "'").toList());
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db); Connection c = pool.dataSource().getConnection();
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM wp_wc_orders WHERE type = 'shop_order' AND status IN (" + in
                     + ") ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
