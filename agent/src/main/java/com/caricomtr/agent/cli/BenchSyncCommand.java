package com.caricomtr.agent.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import com.caricomtr.agent.Main;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.sync.SiteConfig;
import com.caricomtr.agent.sync.SiteSync;
import com.caricomtr.agent.sync.SyncEngine;
import com.caricomtr.agent.sync.SyncPolicy;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.store.StoredInvoice;

import io.helidon.webserver.WebServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sync's benchmark, on an embedded MariaDB and an in-process sandbox: latency from a status change to the
 * invoice accepted by Cari (via the signed notify call, and via polling alone), the throughput of a backfill, and
 * the idle RSS of a separate agent process.
 */
@Command(name = "bench-sync", mixinStandardHelpOptions = true,
        description = "Benchmark the sync: notify and polling latency, backfill throughput, idle RSS.")
public final class BenchSyncCommand implements Callable<Integer> {
    private static final String SECRET = "bench-secret-0123456789abcdefghijklmnop";

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
             CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build())) {
            server.createDatabase("bench_sync", true);
            DatabaseSettings db = new DatabaseSettings(server.jdbcUrl("bench_sync"), "root", "", 16, "bench");
            int shopOrders = backfillOrders + notifySamples * 2 + pollSamples * 2;
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
                DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, shopOrders, 5);
            }
            SiteConfig site = new SiteConfig("bench", db, TablePrefix.of("wp_"), null, SECRET,
                    CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token")
                            .withConnections(16, Duration.ofSeconds(30), 16),
                    InvoiceSettings.defaults(), SyncPolicy.DEFAULTS.withThroughput(16, 5000), false);
            System.out.printf(Locale.ROOT, "bench-sync: %d cores, shop of %d orders%n",
                    Runtime.getRuntime().availableProcessors(), shopOrders);
            try (SyncEngine engine = SyncEngine.start(List.of(site), "bench", true)) {
                SiteSync sync = engine.site("bench").orElseThrow();
                WebServer api = WebServer.builder().host("127.0.0.1").port(0)
                        .routing(r -> Main.routing(r, InMemorySiteSecrets.of(Map.of("bench", SECRET)),
                                SignatureSettings.defaults(), new HookRegistry(), engine))
                        .build().start();
                try {
                    List<Long> candidates = ids(db, "pending", "on-hold");
                    latencies("notify", db, sandbox, candidates.subList(0, notifySamples), api.port());
                    latencies("polling", db, sandbox,
                            candidates.subList(notifySamples, notifySamples + pollSamples), -1);
                    backfill(sync, db, sandbox);
                } finally {
                    api.stop();
                }
            }
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

    private void backfill(SiteSync sync, DatabaseSettings db, CariSandbox sandbox) throws Exception {
        long before = sandbox.stats().invoices();
        List<Long> all = ids(db, "completed", "processing", "on-hold", "pending", "cancelled", "refunded", "failed");
        long agentCpu = CpuTime.agent();
        long serverCpu = CpuTime.server();
        long start = System.nanoTime();
        sync.startBackfill(null, null, List.of("completed", "processing", "on-hold", "pending", "cancelled",
                "refunded", "failed"));
        long target = all.size();
        long alreadySynced = syncedCount(sync);
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        // Watch the sandbox's in-memory count, then confirm the states once: counting states every few
        // milliseconds would put the benchmark's own queries on the database being measured.
        while (sandbox.stats().invoices() - before < target - alreadySynced && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        while (syncedCount(sync) < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        agentCpu = CpuTime.agent() - agentCpu;
        serverCpu = CpuTime.server() - serverCpu;
        long sent = sandbox.stats().invoices() - before;
        System.out.printf(Locale.ROOT, "backfill: %d orders synced in %.1f s = %.0f orders/s (sandbox accepted %d new"
                + " invoices, %d rejected); CPU per order: agent and sandbox %.2f ms, database %.2f ms%n", target,
                seconds, target / seconds, sent, sandbox.stats().rejections(), agentCpu / 1e6 / target,
                serverCpu / 1e6 / target);
    }

    private static long syncedCount(SiteSync sync) {
        return sync.runtime().state().orders().countsByState().getOrDefault(SyncState.SYNCED, 0L);
    }

    /** Starts {@code serve} as its own process, lets it idle, and reads its resident set size. */
    private void idleRss(DatabaseSettings db, CariSandbox sandbox) throws Exception {
        Path config = Files.createTempFile("bench-agent", ".yaml");
        Files.writeString(config, """
                server: {host: 127.0.0.1, port: 0}
                sites:
                  - id: bench
                    secret: "%s"
                    database: {url: "%s", user: root, password: ""}
                    cari: {base-url: "%s", firma-kodu: DEMO, api-token: demo-token}
                    hooks: {require-registration: false}
                """.formatted(SECRET, db.jdbcUrl(), sandbox.baseUrl()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(AgentJvm.FLAGS.split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.caricomtr.agent.Main", "serve",
                "--config", config.toString()));
        Process agent = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(20_000);
            String status = Files.readString(Path.of("/proc/" + agent.pid() + "/status"));
            String rssLine = status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
            System.out.printf(Locale.ROOT, "idle agent (one site, polling every 2 s, JVM flags %s): %s%n",
                    AgentJvm.FLAGS, rssLine.replaceAll("\\s+", " "));
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(config);
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
