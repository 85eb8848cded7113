package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.caricomtr.agent.db.JdbcConnectionPool;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The customer's named lock ({@code GET_LOCK}) on the real database: held against another agent's pool, released
 * however the section ends, freed by the server when the holder's connection dies, and never left on a pooled
 * connection.
 */
class CustomerLockTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final AtomicLong KEYS = new AtomicLong();

    private static StateFixture db;
    private static JdbcConnectionPool otherAgent;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("customer_lock");
        otherAgent = db.secondPool("other-agent");
    }

    @AfterAll
    static void close() {
        otherAgent.close();
        db.close();
    }

    private static String newKey() {
        return "vkn:" + (1_000_000_000L + KEYS.incrementAndGet());
    }

    private static String lockOf(String key) {
        return CustomerLockName.of("http://127.0.0.1:1/api", "DEMO", key);
    }

    private static CustomerCache cacheOf(JdbcConnectionPool pool, String site) {
        return new CustomerCache(pool.dataSource(), db.location, site);
    }

    @Test
    void anotherAgentWaitsForTheHolderAndTimesOutWithoutRunning() throws Exception {
        String key = newKey();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = holdInBackground(cacheOf(db.pool, "shop"), key, held, release, "C000001");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] ran = {false};
        Throwable timeout = catchThrowable(() -> cacheOf(otherAgent, "shop").withLock(key, lockOf(key), ONE_SECOND,
                entry -> ran[0] = true));

        assertThat(timeout).isInstanceOf(CustomerLockTimeout.class).hasMessageContaining(key);
        assertThat(ran[0]).isFalse();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        String seen = cacheOf(otherAgent, "shop").withLock(key, lockOf(key), ONE_SECOND,
                entry -> entry.current().orElseThrow().cariCustomerId());
        assertThat(seen).as("the next holder reads what the last one wrote").isEqualTo("C000001");
    }

    @Test
    void theLockIsReleasedWhenTheSectionFails() throws Exception {
        String key = newKey();
        CustomerCache cache = cacheOf(db.pool, "shop");

        assertThatThrownBy(() -> cache.withLock(key, lockOf(key), ONE_SECOND, entry -> {
            throw new java.io.IOException("Cari said no");
        })).isInstanceOf(java.io.IOException.class);

        assertThat(isFree(lockOf(key))).isTrue();
        String next = cacheOf(otherAgent, "shop").withLock(key, lockOf(key), ONE_SECOND, entry -> "mine");
        assertThat(next).isEqualTo("mine");
    }

    @Test
    void noPooledConnectionKeepsALockAfterManySections() throws Exception {
        String key = newKey();
        CustomerCache cache = cacheOf(db.pool, "shop");
        for (int i = 0; i < 20; i++) {
            int round = i;
            cache.withLock(key, lockOf(key), ONE_SECOND, entry -> {
                entry.put("C" + round, "h" + round);
                return null;
            });
        }

        assertThat(isFree(lockOf(key))).isTrue();
        assertThat(cache.find(key).orElseThrow().cariCustomerId()).isEqualTo("C19");
    }

    @Test
    void aHolderWhoseConnectionDiesLosesTheLockAndItsNextWriteFails() throws Exception {
        String key = newKey();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        CompletableFuture<Void> holder = holdInBackground(cacheOf(db.pool, "shop"), key, held, killed, "C000009");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        killHolderOf(lockOf(key));
        killed.countDown();

        assertThat(catchThrowable(() -> holder.get(10, TimeUnit.SECONDS)))
                .hasCauseInstanceOf(StateStoreException.class);
        Optional<CachedCustomer> after = cacheOf(otherAgent, "shop").withLock(key, lockOf(key), ONE_SECOND,
                CustomerCache.LockedEntry::current);
        assertThat(after).as("the server freed the lock with the session; nothing was written").isEmpty();
    }

    @Test
    void theLockIsPerCompanyAndKeyNotPerSite() throws Exception {
        String key = newKey();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = holdInBackground(cacheOf(db.pool, "shop-a"), key, held, release, null);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> cacheOf(otherAgent, "shop-b").withLock(key, lockOf(key), ONE_SECOND, e -> null))
                    .as("another site of the same Cari company").isInstanceOf(CustomerLockTimeout.class);
            String otherCompany = CustomerLockName.of("http://127.0.0.1:1/api", "ACME", key);
            String free = cacheOf(otherAgent, "shop-b").withLock(key, otherCompany, ONE_SECOND, e -> "free");
            assertThat(free).isEqualTo("free");
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void lockNamesFitMysqlsLimitAndIgnoreHowTheBaseUrlIsSpelt() {
        String longKey = "a".repeat(180) + "@example.test";
        String name = CustomerLockName.of("https://sistem.cari.com.tr/api", "FIRMA", longKey);

        assertThat(name).hasSizeLessThanOrEqualTo(64).startsWith("caricomtr:cari:");
        assertThat(CustomerLockName.of("HTTPS://Sistem.Cari.com.tr/api/", "FIRMA", longKey)).isEqualTo(name);
        assertThat(CustomerLockName.of("https://sistem.cari.com.tr/api", "FIRMA2", longKey)).isNotEqualTo(name);
        assertThat(CustomerLockName.of("https://sistem.cari.com.tr/api", "FIRMA", "b" + longKey)).isNotEqualTo(name);
        assertThat(CustomerLockName.of("https://test.cari.com.tr/api", "FIRMA", longKey)).isNotEqualTo(name);
    }

    /** Holds the key's lock on another thread until {@code release}, then writes {@code cariId} when given. */
    private static CompletableFuture<Void> holdInBackground(CustomerCache cache, String key, CountDownLatch held,
                                                            CountDownLatch release, String cariId) {
        return CompletableFuture.runAsync(() -> {
            try {
                cache.withLock(key, lockOf(key), ONE_SECOND, entry -> {
                    held.countDown();
                    release.await();
                    if (cariId != null) {
                        entry.put(cariId, "h");
                    }
                    return null;
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean isFree(String lockName) throws Exception {
        try (Connection c = db.pool.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT IS_FREE_LOCK('" + lockName + "')")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static void killHolderOf(String lockName) throws Exception {
        try (Connection c = db.pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            long holder;
            try (ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('" + lockName + "')")) {
                rs.next();
                holder = rs.getLong(1);
            }
            assertThat(holder).as("a session holds the lock").isPositive();
            s.execute("KILL CONNECTION " + holder);
        }
    }
}
