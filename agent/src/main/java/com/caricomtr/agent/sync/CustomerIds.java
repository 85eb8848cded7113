package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.sync.state.CustomerLockTimeout;

/**
 * Which Cari customer a customer key maps to, and a hash of what was last sent for it, so that an unchanged
 * customer costs no call and a changed one is updated rather than duplicated.
 *
 * <p>Reading is free of locks ({@link #find}): a repeat buyer whose data did not change costs one cache read. Creating
 * or updating a customer goes through {@link #resolve}, which holds the key exclusively, so that two deliveries for
 * one new buyer cannot both miss the cache and both create a customer (in Cari a customer is an account: a second
 * one would split the buyer's balance).
 */
public interface CustomerIds {
    /**
     * How long {@link #resolve} waits for another holder of the key, at most (a site waits at most half its lease).
     * The holder's work is a lookup and a create or update in Cari, normally milliseconds; a wait this long means
     * Cari is hanging, and the order is better put back than kept waiting.
     */
    Duration LOCK_WAIT = Duration.ofSeconds(20);

    record Known(String cariId, String payloadHash) {
    }

    /** The work of {@link #resolve}: given what is known now, under the hold, make Cari current and say what it holds. */
    @FunctionalInterface
    interface Resolver {
        Known resolve(Optional<Known> current) throws CariException;
    }

    /** What is cached for the key, without any lock: the fast path. */
    Optional<Known> find(String customerKey);

    /**
     * Holds {@code customerKey} exclusively (against every other thread and, for the durable cache, every agent on
     * the same database server and Cari company), reads what is known for it afresh (another holder may have just
     * created the customer), runs {@code work} with that, and remembers what it returns.
     *
     * @throws CustomerLockTimeout when another holder kept the key longer than {@link #LOCK_WAIT}; {@code work} did
     *                             not run, nothing was sent: retry later
     */
    Known resolve(String customerKey, Resolver work) throws CariException;

    /** A cache that lives as long as the process: for dry runs, benchmarks and tests. */
    static CustomerIds inMemory() {
        return inMemory(LOCK_WAIT);
    }

    static CustomerIds inMemory(Duration lockWait) {
        ConcurrentHashMap<String, Known> map = new ConcurrentHashMap<>();
        KeyLocks locks = new KeyLocks();
        return new CustomerIds() {
            @Override
            public Optional<Known> find(String customerKey) {
                return Optional.ofNullable(map.get(customerKey));
            }

            @Override
            public Known resolve(String customerKey, Resolver work) throws CariException {
                return locks.holding(customerKey, customerKey, lockWait, () -> {
                    Optional<Known> current = Optional.ofNullable(map.get(customerKey));
                    Known resolved = work.resolve(current);
                    map.put(customerKey, resolved);
                    return resolved;
                });
            }
        };
    }
}
