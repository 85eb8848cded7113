package com.caricomtr.agent.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.ErrorQuery;
import com.caricomtr.agent.sync.state.ErrorRecord;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two shops on one Cari company, both with the series {@code WOO}: one company, two storefronts. Their invoice
 * numbers coincide, so the agent refuses to start; configured on purpose, it runs, and no order ever adopts the
 * other shop's invoice. The shops here are identical (same generated orders): only the site tells them apart.
 */
class TwoShopsOneCompanyTest {
    private static final int ORDERS = 40;
    private static final List<String> TRIGGERS = List.of("processing", "completed");
    private static DatabaseSettings shopA;
    private static DatabaseSettings shopB;
    private static CariSandbox sandbox;

    @BeforeAll
    static void shops() {
        shopA = TestDatabase.get().newDatabase("two_shops_a");
        shopB = TestDatabase.get().newDatabase("two_shops_b");
        for (DatabaseSettings shop : List.of(shopA, shopB)) {
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(shop)) {
                DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, ORDERS, 7);
            }
        }
        sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void twoSitesNumberingIntoOneCompanyAreRefusedAtStartWithOneLine() throws Exception {
        long requestsBefore = sandbox.stats().requests();
        ServeProcess agent = ServeProcess.start(config(false), "two-shops-refused");
        assertThat(agent.process().waitFor(60, TimeUnit.SECONDS)).as("the agent exits by itself").isTrue();

        String output = agent.output();
        assertThat(agent.process().exitValue()).isNotZero();
        assertThat(output).contains("sites shop-a and shop-b would print the same invoice numbers into one Cari"
                + " company", "series WOO and WOO", "invoice.shared-numbering: true").doesNotContain("\tat ");
        assertThat(output.lines().filter(l -> l.startsWith("caricomtr-agent:"))).hasSize(1);
        assertThat(sandbox.stats().requests()).as("nothing was sent").isEqualTo(requestsBefore);
    }

    @Test
    void sitesSharingNumberingOnPurposeNeverAdoptEachOthersInvoices() throws Exception {
        Map<String, AgentState> states = new HashMap<>();
        List<JdbcConnectionPool> pools = new ArrayList<>();
        try {
            for (Map.Entry<String, DatabaseSettings> shop : Map.of("shop-a", shopA, "shop-b", shopB).entrySet()) {
                JdbcConnectionPool pool = JdbcConnectionPool.open(shop.getValue());
                pools.add(pool);
                StateLocation location = new StateLocation(null, "wp_");
                AgentStateSchema.migrate(pool.dataSource(), location);
                AgentState state = AgentState.open(pool.dataSource(), location, shop.getKey());
                state.backfills().create(null, null, TRIGGERS);
                states.put(shop.getKey(), state);
            }
            List<Long> orders = ordersInTriggerStatus(pools.getFirst());
            assertThat(orders).hasSizeGreaterThan(ORDERS / 3);

            String output;
            try (ServeProcess agent = ServeProcess.start(config(true), "two-shops-shared")) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                        .until(() -> states.values().stream().allMatch(s -> finished(s, orders)));
                output = agent.output();
            }

            Map<String, StoredInvoice> invoicesById = new HashMap<>();
            sandbox.invoices().forEach(i -> invoicesById.put(i.id(), i));
            int synced = 0;
            int reviewed = 0;
            for (Map.Entry<String, AgentState> site : states.entrySet()) {
                Map<Long, OrderSyncState> rows = site.getValue().orders().states(orders);
                for (long order : orders) {
                    OrderSyncState row = rows.get(order);
                    if (row.state() == SyncState.SYNCED) {
                        synced++;
                        StoredInvoice invoice = invoicesById.get(row.cariInvoiceId());
                        assertThat(invoice.fatura().path("dis_anahtar").asText())
                                .as("site %s order %d holds its own invoice", site.getKey(), order)
                                .isEqualTo(site.getKey() + "/" + order);
                    } else {
                        reviewed++;
                        assertThat(row.state()).isEqualTo(SyncState.NEEDS_REVIEW);
                        assertThat(row.lastError()).contains("is not this order's",
                                "dis_anahtar '" + other(site.getKey()) + "/" + order + "' where this order's is '"
                                        + site.getKey() + "/" + order + "'", "Cari holds", "this order sends",
                                "genel_toplam");
                        assertThat(site.getValue().errors().list(ErrorQuery.open().withOrderId(order)).items())
                                .extracting(ErrorRecord::field).containsExactly("fatura_no");
                    }
                }
            }
            assertThat(synced).as("one invoice per order number").isEqualTo(orders.size());
            assertThat(reviewed).as("the other site's order of each number waits for a person")
                    .isEqualTo(orders.size());
            assertThat(sandbox.invoices()).hasSize(orders.size());
            assertThat(output).contains("sites shop-a and shop-b share invoice numbering");
        } finally {
            pools.forEach(JdbcConnectionPool::close);
        }
    }

    private static String other(String site) {
        return site.equals("shop-a") ? "shop-b" : "shop-a";
    }

    private static boolean finished(AgentState state, List<Long> orders) {
        Map<Long, OrderSyncState> rows = state.orders().states(orders);
        return rows.size() == orders.size() && rows.values().stream()
                .allMatch(r -> r.state() == SyncState.SYNCED || r.state() == SyncState.NEEDS_REVIEW);
    }

    private static List<Long> ordersInTriggerStatus(JdbcConnectionPool pool) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (var c = pool.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM wp_wc_orders WHERE type = 'shop_order'"
                     + " AND status IN ('wc-processing', 'wc-completed') ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Path config(boolean shared) throws java.io.IOException {
        AgentYaml yaml = AgentYaml.agent();
        for (String id : List.of("shop-a", "shop-b")) {
            DatabaseSettings db = id.equals("shop-a") ? shopA : shopB;
            yaml.site(id, db.jdbcUrl(), db, sandbox.baseUrl(), new java.util.LinkedHashMap<>(Map.of(
                    "invoice.series", "WOO",
                    "invoice.shared-numbering", Boolean.toString(shared),
                    "sync.concurrency", "4",
                    "sync.rate-per-second", "200",
                    "sync.base-backoff", "50ms",
                    "sync.max-backoff", "500ms")));
        }
        return yaml.write();
    }
}
