package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM in the middle of a backfill: the agent stops claiming, lets the deliveries under way finish, gives back
 * what it had claimed but not started, and exits 0; a restart then finishes the backfill with nothing lost, nothing
 * sent twice and no claim left to run out (the lease here is long enough that a claim not given back would show).
 */
class GracefulStopTest {
    @Test
    void sigtermMidBackfillExitsZeroAndTheRestartLosesAndRepeatsNothing() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, 200, SandboxOptions.builder().port(0)
                .faults(FaultSettings.builder().latencyMs(150, 150).build()).build());
             JdbcConnectionPool pool = JdbcConnectionPool.open(fixture.db)) {
            StateLocation location = new StateLocation(null, "wp_");
            AgentStateSchema.migrate(pool.dataSource(), location);
            AgentState state = AgentState.open(pool.dataSource(), location, "shop");
            state.backfills().create(null, null, List.of("processing", "completed"));
            List<Long> expected = new ArrayList<>(fixture.ordersIn("processing"));
            expected.addAll(fixture.ordersIn("completed"));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("sync.concurrency", "4");
            settings.put("sync.rate-per-second", "1000");
            settings.put("sync.lease", "60s");
            var config = AgentYaml.agent().site("shop", fixture.db.jdbcUrl(), fixture.db, fixture.sandbox.baseUrl(),
                    settings).write();

            String output;
            try (ServeProcess agent = ServeProcess.start(config, "graceful-1")) {
                agent.awaitServing(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> synced(state, expected) >= 20);
                long stopping = System.nanoTime();
                agent.process().destroy(); // SIGTERM
                assertThat(agent.process().waitFor(15, TimeUnit.SECONDS)).as("stops within the grace").isTrue();
                System.out.printf("graceful-stop: stopped %.1f s after SIGTERM, %d of %d orders synced%n",
                        (System.nanoTime() - stopping) / 1e9, synced(state, expected), expected.size());
                assertThat(agent.process().exitValue()).as("exit code after SIGTERM").isZero();
                output = agent.output();
            }
            assertThat(output).contains("stopping: no new claims", "caricomtr-agent stopped in");
            assertThat(state.orders().countsByState().get(SyncState.SENDING)).as("claims left to run out").isZero();
            assertThat(synced(state, expected)).as("the backfill was cut in the middle").isLessThan(expected.size());

            try (ServeProcess again = ServeProcess.start(config, "graceful-2")) {
                again.awaitServing(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> synced(state, expected) == expected.size());
            }
            Map<Long, OrderSyncState> rows = state.orders().states(expected);
            assertThat(rows.values()).allSatisfy(row -> assertThat(row.lostClaims()).as("order %d", row.orderId())
                    .isZero());
            List<String> keys = fixture.sandbox.invoices().stream()
                    .map(StoredInvoice::fatura).map(f -> f.path("dis_anahtar").asText()).toList();
            assertThat(keys).hasSize(expected.size()).doesNotHaveDuplicates();
            assertThat(fixture.sandbox.stats().duplicateInvoiceNumbers()).isZero();
        }
    }

    private static long synced(AgentState state, List<Long> orders) {
        return state.orders().states(orders).values().stream().filter(r -> r.state() == SyncState.SYNCED).count();
    }
}
