package com.caricomtr.agent.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.testing.SharedFixtures;
import com.caricomtr.agent.testing.TcpProxy;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.OrderStorage;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.StorageDetector;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.faults.TimeoutThen;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One agent process serving two shops on one Cari company is killed with SIGKILL at random moments, again and again,
 * while their backfills run, the database behind it goes away three times, and the sandbox answers with 5xx,
 * timeouts, 429s, dropped connections and "stored, then failed". One shop is a generated HPOS shop; the other, the
 * real {@code legacy} fixture (posts storage) when {@code ../shared} is there, is synced at 0.25 orders per second,
 * so that its orders sit in the queue through many kills.
 *
 * <p>Afterwards every order is invoiced exactly once and equals its order; no invoice number and no customer key is
 * in Cari twice (the sandbox would store a duplicate customer here, not refuse it); and no order failed: crashes and
 * lost leases never use up {@code sync.max-attempts}.
 *
 * <p>The normal suite runs a short form (300 orders, 30 kills); the long form is {@code ./scripts/chaos.sh}.
 */
class ChaosTest {
    private static final int ORDERS = Integer.getInteger("chaos.orders", 300);
    private static final int KILLS = Integer.getInteger("chaos.kills", 30);
    private static final int OUTAGES = 3;
    private static final long SEED = Long.getLong("chaos.seed", 20261127L);
    private static final List<String> TRIGGERS = List.of("processing", "completed");
    private static final int MAX_ATTEMPTS = 10;

    /**
     * One shop of the run: its database (read directly by the test, through the proxy by the agent), its orders in
     * trigger statuses, and the reader of its authoritative storage.
     */
    private record Shop(String id, String series, String rate, DatabaseSettings db, TcpProxy proxy,
                        JdbcConnectionPool pool, AgentState state, OrderReader reader, List<Long> expected) {
    }

    @Test
    void killedAgentsNeverInvoiceTwiceNeverMissAnOrderAndNeverFailOneByCrashesAlone() throws Exception {
        Random random = new Random(SEED);
        List<Shop> shops = new ArrayList<>();
        // The sandbox stores a second customer of a key rather than refusing it, as a real Cari may: one customer per
        // buyer must then come from the agent's own locks, and the count of duplicate keys shows whether it does.
        try (CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0)
                .acceptDuplicateCustomerKeys(true).build())) {
            shops.add(shop("fast", "WOO", generated("chaos_fast", StorageLayout.HPOS, ORDERS), "1000"));
            shops.add(shop("slow", "LEG", slowShopDatabase(), "0.25"));
            sandbox.faults().update(FaultSettings.builder().seed(SEED)
                    .errorRate(0.08).timeoutRate(0.04).hangMs(1200).timeoutThen(TimeoutThen.ANSWER)
                    .rateLimitRate(0.04).retryAfterSeconds(1).dropRate(0.03).storeThenFailRate(0.05).build());
            Path config = config(shops, sandbox);

            List<Integer> outageAfterKill = new ArrayList<>();
            for (int i = 1; i <= OUTAGES; i++) {
                outageAfterKill.add(i * KILLS / (OUTAGES + 1));
            }
            for (int kill = 1; kill <= KILLS; kill++) {
                ServeProcess agent = ServeProcess.start(config, "chaos-agent-" + kill);
                Thread.sleep(1200 + random.nextInt(2500));
                if (outageAfterKill.contains(kill)) {
                    databaseOutage(shops, Duration.ofMillis(2000 + random.nextInt(3000)));
                }
                agent.kill();
            }
            try (ServeProcess last = ServeProcess.start(config, "chaos-agent-" + (KILLS + 1))) {
                long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
                while (System.nanoTime() < deadline && !shops.stream().allMatch(s -> notSynced(s).isEmpty())) {
                    Thread.sleep(500);
                }
            }

            SandboxStats stats = sandbox.stats();
            Map<String, StoredInvoice> byKey = new HashMap<>();
            for (StoredInvoice invoice : sandbox.invoices()) {
                String key = invoice.fatura().path("dis_anahtar").asText();
                assertThat(byKey.put(key, invoice)).as("invoices for %s", key).isNull();
            }
            List<String> lost = new ArrayList<>();
            for (Shop shop : shops) {
                assertThat(notSynced(shop)).as("orders of %s not synced", shop.id()).isEmpty();
                List<Order> orders = shop.reader().load(shop.expected()).orders();
                assertThat(orders).hasSameSizeAs(shop.expected());
                for (Order order : orders) {
                    StoredInvoice invoice = byKey.get(shop.id() + "/" + order.id());
                    assertThat(invoice).as("invoice of %s order %d", shop.id(), order.id()).isNotNull();
                    assertThat(invoice.amount("genel_toplam")).as("%s order %d", shop.id(), order.id())
                            .isEqualByComparingTo(order.totals().total());
                    assertThat(invoice.amount("kdv_toplam")).as("%s order %d", shop.id(), order.id())
                            .isEqualByComparingTo(order.totals().totalTax());
                }
                int lostClaims = 0;
                int ordersWithLostClaims = 0;
                int mostLost = 0;
                for (OrderSyncState row : states(shop).values()) {
                    assertThat(row.attempts()).isLessThanOrEqualTo(MAX_ATTEMPTS);
                    lostClaims += row.lostClaims();
                    ordersWithLostClaims += row.lostClaims() > 0 ? 1 : 0;
                    mostLost = Math.max(mostLost, row.lostClaims());
                }
                lost.add(shop.id() + " " + lostClaims + " on " + ordersWithLostClaims + " orders (at most "
                        + mostLost + ")");
            }
            int expected = shops.stream().mapToInt(s -> s.expected().size()).sum();
            assertThat(byKey).hasSize(expected);
            assertThat(stats.duplicateInvoiceNumbers()).isZero();
            assertThat(stats.duplicateCustomerKeys()).as("customer keys in Cari more than once").isEmpty();
            System.out.printf("chaos: %d orders (%s), %d kills, %d database outages, lost claims: %s; faults %s%n",
                    expected, describe(shops), KILLS, OUTAGES, String.join(", ", lost), stats.faultsInjected());
        } finally {
            for (Shop shop : shops) {
                shop.proxy().close();
                shop.pool().close();
            }
        }
    }

    /** The real {@code legacy} fixture (26 orders in trigger statuses, posts storage), or a small generated one. */
    private static DatabaseSettings slowShopDatabase() {
        if (SharedFixtures.present()) {
            return TestDatabase.get().fixtureCopy("legacy");
        }
        System.out.println("SKIPPED: the real legacy fixture (../shared absent): the slow shop is a generated one");
        return generated("chaos_slow", StorageLayout.POSTS, 40);
    }

    private static DatabaseSettings generated(String name, StorageLayout layout, int orders) {
        DatabaseSettings db = TestDatabase.get().newDatabase(name);
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            DemoShopGenerator.generate(pool.dataSource(), "wp_", layout, orders, 99);
        }
        return db;
    }

    private static Shop shop(String id, String series, DatabaseSettings db, String rate) throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.open(db);
        StateLocation location = new StateLocation(null, "wp_");
        AgentStateSchema.migrate(pool.dataSource(), location);
        AgentState state = AgentState.open(pool.dataSource(), location, id);
        state.backfills().create(null, null, TRIGGERS);
        OrderStorage storage;
        try (var c = pool.dataSource().getConnection()) {
            storage = StorageDetector.detect(c, TablePrefix.of("wp_")).authoritative();
        }
        String sql = storage == OrderStorage.HPOS
                ? "SELECT id FROM wp_wc_orders WHERE type = 'shop_order' AND status IN ('wc-processing',"
                        + " 'wc-completed') ORDER BY id"
                : "SELECT ID FROM wp_posts WHERE post_type = 'shop_order' AND post_status IN ('wc-processing',"
                        + " 'wc-completed') ORDER BY ID";
        List<Long> expected = new ArrayList<>();
        try (var c = pool.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                expected.add(rs.getLong(1));
            }
        }
        assertThat(expected).as("orders of %s in trigger statuses", id).hasSizeGreaterThan(20);
        return new Shop(id, series, rate, db, TcpProxy.inFrontOf(db.jdbcUrl()), pool, state,
                OrderReader.create(pool.dataSource(), TablePrefix.of("wp_"), storage, ReaderSettings.DEFAULTS),
                expected);
    }

    private static void databaseOutage(List<Shop> shops, Duration length) throws InterruptedException {
        shops.forEach(s -> s.proxy().cut());
        Thread.sleep(length);
        shops.forEach(s -> s.proxy().restore());
    }

    private static Map<Long, OrderSyncState> states(Shop shop) {
        Map<Long, OrderSyncState> states = new LinkedHashMap<>();
        for (int i = 0; i < shop.expected().size(); i += 500) {
            states.putAll(shop.state().orders().states(shop.expected().subList(i,
                    Math.min(shop.expected().size(), i + 500))));
        }
        return states;
    }

    private static List<Long> notSynced(Shop shop) {
        Map<Long, OrderSyncState> states = states(shop);
        return shop.expected().stream()
                .filter(id -> states.get(id) == null || states.get(id).state() != SyncState.SYNCED).toList();
    }

    private static String describe(List<Shop> shops) {
        return String.join(", ", shops.stream().map(s -> s.id() + " " + s.expected().size() + " at " + s.rate()
                + "/s").toList());
    }

    private static Path config(List<Shop> shops, CariSandbox sandbox) throws java.io.IOException {
        AgentYaml yaml = AgentYaml.agent();
        for (Shop shop : shops) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("cari.connect-timeout", "1s");
            settings.put("cari.read-timeout", "700ms");
            settings.put("cari.call-timeout", "3s");
            settings.put("cari.max-concurrent-calls", "8");
            settings.put("invoice.series", shop.series());
            settings.put("sync.concurrency", "8");
            settings.put("sync.rate-per-second", shop.rate());
            settings.put("sync.max-attempts", Integer.toString(MAX_ATTEMPTS));
            settings.put("sync.base-backoff", "20ms");
            settings.put("sync.max-backoff", "300ms");
            settings.put("sync.lease", "3s");
            yaml.site(shop.id(), shop.proxy().jdbcUrl(shop.db().jdbcUrl()), shop.db(), sandbox.baseUrl(), settings);
        }
        return yaml.write();
    }
}
