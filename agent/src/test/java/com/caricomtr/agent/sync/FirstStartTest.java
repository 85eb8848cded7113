package com.caricomtr.agent.sync;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent started beside a shop with years of orders invoices none of them by itself: it watches from its first
 * start, so only what changes afterwards is queued; history is for a backfill or a manual sync. A restart resumes
 * from where it was and misses nothing that changed while it was down. On copies of the real fixtures, in both
 * storages, with real agent processes polling.
 */
class FirstStartTest {
    private static final String SITE = "shop";

    @ParameterizedTest
    @ValueSource(strings = {"hpos_bulk", "legacy"})
    void aFirstStartQueuesNothingAndEveryLaterChangeIsInvoiced(String fixture) throws Exception {
        DatabaseSettings db = TestDatabase.get().fixtureCopy(fixture);
        boolean hpos = fixture.startsWith("hpos");
        try (CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build());
             JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            List<Long> onHold = orderIds(pool, hpos, "wc-on-hold");
            assertThat(onHold).as("on-hold orders of %s", fixture).hasSizeGreaterThanOrEqualTo(2);
            var config = AgentYaml.agent().site(SITE, db.jdbcUrl(), db, sandbox.baseUrl(),
                    new LinkedHashMap<>(Map.of("sync.poll-interval", "200ms"))).write();

            try (ServeProcess agent = ServeProcess.startPolling(config, "first-start-" + fixture)) {
                agent.awaitServing(Duration.ofSeconds(90));
                AgentState state = state(pool);
                Thread.sleep(2_000); // ten polls
                assertThat(queued(state)).as("orders queued by a first start").isZero();
                assertThat(orderIds(pool, hpos, "wc-completed")).as("the shop has history to invoice").isNotEmpty();

                setStatus(pool, hpos, onHold.get(0), "wc-processing");
                await().atMost(Duration.ofSeconds(30)).until(() -> invoiced(sandbox, onHold.get(0)));
            }

            setStatus(pool, hpos, onHold.get(1), "wc-completed");
            try (ServeProcess agent = ServeProcess.startPolling(config, "first-start-" + fixture + "-again")) {
                agent.awaitServing(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(30)).until(() -> invoiced(sandbox, onHold.get(1)));
                Thread.sleep(1_000);
                assertThat(queued(state(pool))).as("only the two changed orders, ever").isEqualTo(2);
            }
            assertThat(sandbox.invoices()).hasSize(2);
        }
    }

    private static AgentState state(JdbcConnectionPool pool) {
        StateLocation location = new StateLocation(null, "wp_");
        AgentStateSchema.migrate(pool.dataSource(), location);
        return AgentState.open(pool.dataSource(), location, SITE);
    }

    private static long queued(AgentState state) {
        return state.orders().countsByState().values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean invoiced(CariSandbox sandbox, long order) {
        return sandbox.invoices().stream()
                .anyMatch(i -> i.fatura().path("dis_anahtar").asText().equals(SITE + "/" + order));
    }

    /** As WooCommerce changes a status: the status and the modification time, in the authoritative storage. */
    private static void setStatus(JdbcConnectionPool pool, boolean hpos, long order, String status) throws Exception {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(hpos
                    ? "UPDATE wp_wc_orders SET status = '" + status + "', date_updated_gmt = UTC_TIMESTAMP()"
                            + " WHERE id = " + order
                    : "UPDATE wp_posts SET post_status = '" + status + "', post_modified_gmt = UTC_TIMESTAMP(),"
                            + " post_modified = NOW() WHERE ID = " + order);
        }
    }

    private static List<Long> orderIds(JdbcConnectionPool pool, boolean hpos, String status) throws Exception {
        String sql = hpos
                ? "SELECT id FROM wp_wc_orders WHERE type = 'shop_order' AND status = '" + status + "' ORDER BY id"
                : "SELECT ID FROM wp_posts WHERE post_type = 'shop_order' AND post_status = '" + status
                        + "' ORDER BY ID";
        List<Long> ids = new ArrayList<>();
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
