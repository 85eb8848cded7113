package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.HookStore;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.sync.state.StoredHooks;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registrations kept in the site's state: another registry over the same tables (a restart, a second agent). */
class HookRegistryTest {
    private static final StateLocation LOCATION = StateLocation.inWordPressDatabase("wp_");
    private static JdbcConnectionPool pool;

    @BeforeAll
    static void open() {
        pool = JdbcConnectionPool.open(TestDatabase.get().newDatabase("hook_registry"));
        AgentStateSchema.migrate(pool.dataSource(), LOCATION);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void aRegistrationReachesEveryRegistryOverTheSameTables() {
        HookRegistry first = registry("shop-a", HookRegistry.DEFAULT_REFRESH);
        HookRegistry second = registry("shop-a", Duration.ZERO);
        assertThat(first.isRegistered("shop-a")).isFalse();

        HookRegistration hooked = new HookRegistration(URI.create("https://shop.example/relay?x=%C3%A7"),
                Set.of(Hook.INVOICE_SERIE, Hook.INVOICE_DATA), Set.of(Hook.AFTER_SYNC));
        first.register("shop-a", hooked);

        assertThat(second.registration("shop-a")).contains(hooked);
        assertThat(registry("shop-a", HookRegistry.DEFAULT_REFRESH).registration("shop-a")).contains(hooked);
        second.register("shop-a", HookRegistration.none());
        assertThat(first.registration("shop-a")).as("cached until the refresh is due").contains(hooked);
        assertThat(registry("shop-a", Duration.ZERO).registration("shop-a")).contains(HookRegistration.none());
        assertThat(registry("shop-a", Duration.ZERO).callbackFor("shop-a", Hook.INVOICE_SERIE)).isEmpty();
    }

    @Test
    void aStoredHookThisAgentDoesNotRelayIsLeftOut() {
        new HookStore(pool.dataSource(), LOCATION, "shop-b").save(new StoredHooks("https://shop.example/relay",
                List.of("caricomtr_invoice_data", "caricomtr_from_a_newer_bridge"), List.of("caricomtr_invoice_serie"),
                null));

        HookRegistration read = registry("shop-b", Duration.ZERO).registration("shop-b").orElseThrow();

        assertThat(read.filters()).containsExactly(Hook.INVOICE_DATA);
        assertThat(read.actions()).isEmpty();
    }

    @Test
    void aSiteWithoutAStoreIsKeptInMemory() {
        HookRegistry registry = registry("shop-c", Duration.ZERO);
        registry.register("elsewhere", HookRegistration.none());

        assertThat(registry.isRegistered("elsewhere")).isTrue();
        assertThat(registry("shop-c", Duration.ZERO).isRegistered("elsewhere")).isFalse();
    }

    private static HookRegistry registry(String site, Duration refresh) {
        return new HookRegistry(Map.of(site, new HookStore(pool.dataSource(), LOCATION, site)), refresh);
    }
}
