package com.caricomtr.agent.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.OrderStorage;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.faults.TimeoutThen;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A separate agent process is killed with SIGKILL at random moments during a backfill, again and again, while the
 * sandbox answers with 5xx, timeouts, 429s, dropped connections and "stored, then failed". Afterwards the sandbox
 * must hold exactly one invoice per order, each equal to its order, and no invoice number twice.
 *
 * <p>The normal suite runs a short form; the long form is
 * {@code ./scripts/chaos.sh} (2,000 orders, 20 kills), see the README.
 */
class ChaosTest {
    private static final int ORDERS = Integer.getInteger("chaos.orders", 300);
    private static final int KILLS = Integer.getInteger("chaos.kills", 5);
    private static final long SEED = Long.getLong("chaos.seed", 20261127L);

    @Test
    void killedAgentsNeverInvoiceTwiceAndNeverMissAnOrder() throws Exception {
        Random random = new Random(SEED);
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, ORDERS);
             JdbcConnectionPool pool = JdbcConnectionPool.open(fixture.db)) {
            fixture.sandbox.faults().update(FaultSettings.builder().seed(SEED)
                    .errorRate(0.08).timeoutRate(0.04).hangMs(1200).timeoutThen(TimeoutThen.ANSWER)
                    .rateLimitRate(0.04).retryAfterSeconds(1).dropRate(0.03).storeThenFailRate(0.05).build());
            StateLocation location = new StateLocation(null, "wp_");
            AgentStateSchema.migrate(pool.dataSource(), location);
            AgentState state = AgentState.open(pool.dataSource(), location, "chaos");
            state.backfills().create(null, null, List.of("processing", "completed"));
            List<Long> expected = new ArrayList<>(fixture.ordersIn("processing"));
            expected.addAll(fixture.ordersIn("completed"));
            assertThat(expected).hasSizeGreaterThan(ORDERS / 2);
            Path config = writeConfig(fixture);

            for (int kill = 1; kill <= KILLS; kill++) {
                Process agent = startAgent(config, kill);
                Thread.sleep(1200 + random.nextInt(2500));
                agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Process last = startAgent(config, KILLS + 1);
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (System.nanoTime() < deadline && !allSynced(state, expected)) {
                    Thread.sleep(500);
                }
            } finally {
                last.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            assertThat(notSynced(state, expected)).as("orders not synced").isEmpty();
            SandboxStats stats = fixture.sandbox.stats();
            assertThat(stats.duplicateInvoiceNumbers()).isZero();
            assertThat(stats.ordersInvoicedMoreThanOnce()).isEmpty();
            Map<String, StoredInvoice> byOrder = new HashMap<>();
            for (StoredInvoice invoice : fixture.sandbox.invoices()) {
                assertThat(byOrder.put(invoice.siparisNo().orElseThrow(), invoice)).isNull();
            }
            OrderReader reader = OrderReader.create(pool.dataSource(), TablePrefix.of("wp_"), OrderStorage.HPOS,
                    ReaderSettings.DEFAULTS);
            List<Order> orders = reader.load(expected).orders();
            assertThat(orders).hasSameSizeAs(expected);
            for (Order order : orders) {
                StoredInvoice invoice = byOrder.get(order.number());
                assertThat(invoice).as("invoice of order %d", order.id()).isNotNull();
                assertThat(invoice.amount("genel_toplam")).as("order %d", order.id())
                        .isEqualByComparingTo(order.totals().total());
                assertThat(invoice.amount("kdv_toplam")).as("order %d", order.id())
                        .isEqualByComparingTo(order.totals().totalTax());
            }
            assertThat(byOrder).hasSize(expected.size());
            System.out.printf("chaos: %d orders, %d kills, faults %s%n", expected.size(), KILLS,
                    stats.faultsInjected());
        }
    }

    private static boolean allSynced(AgentState state, List<Long> expected) {
        return notSynced(state, expected).isEmpty();
    }

    private static List<Long> notSynced(AgentState state, List<Long> expected) {
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < expected.size(); i += 500) {
            List<Long> chunk = expected.subList(i, Math.min(expected.size(), i + 500));
            var states = state.orders().states(chunk);
            chunk.stream().filter(id -> states.get(id) == null || states.get(id).state() != SyncState.SYNCED)
                    .forEach(missing::add);
        }
        return missing;
    }

    private static Process startAgent(Path config, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "chaos-agent-" + run + ".log");
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "com.caricomtr.agent.Main", "serve", "--config", config.toString(), "--no-polling",
                "--agent-id", "chaos-" + run)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Path writeConfig(SyncFixture fixture) throws Exception {
        Path file = Files.createTempFile("chaos-agent", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, """
                server:
                  host: 127.0.0.1
                  port: 0
                sites:
                  - id: chaos
                    secret: "%s"
                    prefix: wp_
                    database:
                      url: "%s"
                      user: "%s"
                      password: "%s"
                    cari:
                      base-url: "%s"
                      firma-kodu: DEMO
                      api-token: demo-token
                      connect-timeout: 1s
                      read-timeout: 700ms
                      call-timeout: 3s
                      max-concurrent-calls: 8
                    sync:
                      concurrency: 8
                      rate-per-second: 1000
                      max-attempts: 1000
                      base-backoff: 20ms
                      max-backoff: 300ms
                      lease: 3s
                    hooks:
                      require-registration: false
                """.formatted(SyncFixture.SECRET, fixture.db.jdbcUrl(), fixture.db.user(), fixture.db.password(),
                fixture.sandbox.baseUrl()));
        return file;
    }

}
