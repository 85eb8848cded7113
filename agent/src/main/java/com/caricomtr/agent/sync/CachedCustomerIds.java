package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.Optional;

import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.sync.state.CachedCustomer;
import com.caricomtr.agent.sync.state.CustomerCache;
import com.caricomtr.agent.sync.state.CustomerLockName;

/**
 * The durable customer cache, so that a restart or a second agent reuses the Cari customers already made.
 *
 * <p>A key is resolved under two locks in turn: first one in memory, shared by the whole process, so that threads of
 * this agent queue without each holding a database connection; then the database server's named lock
 * ({@link CustomerCache#withLock}), so that other agents queue too. Both are named after the Cari company and the
 * key, so two sites of one company serialise as well. The wait for both together is at most the lock wait.
 */
final class CachedCustomerIds implements CustomerIds {
    /** Process-wide, like the named lock it stands in front of is server-wide. */
    private static final KeyLocks IN_PROCESS = new KeyLocks();

    private final CustomerCache cache;
    private final String cariBaseUrl;
    private final String firmaKodu;
    private final Duration lockWait;

    CachedCustomerIds(CustomerCache cache, String cariBaseUrl, String firmaKodu) {
        this(cache, cariBaseUrl, firmaKodu, LOCK_WAIT);
    }

    CachedCustomerIds(CustomerCache cache, String cariBaseUrl, String firmaKodu, Duration lockWait) {
        this.cache = cache;
        this.cariBaseUrl = cariBaseUrl;
        this.firmaKodu = firmaKodu;
        this.lockWait = lockWait;
    }

    @Override
    public Optional<Known> find(String customerKey) {
        return cache.find(customerKey).map(CachedCustomerIds::known);
    }

    @Override
    public Known resolve(String customerKey, Resolver work) throws CariException {
        String lockName = CustomerLockName.of(cariBaseUrl, firmaKodu, customerKey);
        long deadline = System.nanoTime() + lockWait.toNanos();
        return IN_PROCESS.holding(lockName, customerKey, lockWait, () ->
                cache.withLock(customerKey, lockName, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                        entry -> {
                            Optional<Known> current = entry.current().map(CachedCustomerIds::known);
                            Known resolved = work.resolve(current);
                            if (!current.equals(Optional.of(resolved))) {
                                entry.put(resolved.cariId(), resolved.payloadHash());
                            }
                            return resolved;
                        }));
    }

    private static Known known(CachedCustomer cached) {
        return new Known(cached.cariCustomerId(), cached.payloadHash());
    }
}
