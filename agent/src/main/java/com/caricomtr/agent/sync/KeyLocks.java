package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.caricomtr.agent.sync.state.CustomerLockTimeout;

/**
 * One lock per key, in memory, made on first use and forgotten when nobody holds or waits for it, so a long run
 * over many buyers does not keep a lock per buyer. A {@link ReentrantLock}, not {@code synchronized}: the holder
 * waits for Cari, and on Java 21 a virtual thread blocked inside {@code synchronized} pins its carrier.
 */
final class KeyLocks {
    @FunctionalInterface
    interface Section<T, E extends Exception> {
        T run() throws E;
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        /** Holders and waiters; changed only inside the map's compute, which is atomic per key. */
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    /**
     * Runs {@code section} holding {@code key}'s lock.
     *
     * @param customerKey named in the timeout, for the person reading the error
     * @throws CustomerLockTimeout when the lock was not free within {@code wait} (or the wait was interrupted); the
     *                             section did not run
     */
    <T, E extends Exception> T holding(String key, String customerKey, Duration wait, Section<T, E> section)
            throws E {
        Entry entry = locks.compute(key, (k, current) -> {
            Entry e = current == null ? new Entry() : current;
            e.users++;
            return e;
        });
        try {
            if (!tryLock(entry.lock, wait)) {
                throw new CustomerLockTimeout(customerKey, wait);
            }
            try {
                return section.run();
            } finally {
                entry.lock.unlock();
            }
        } finally {
            locks.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    /** How many keys have a lock now; for tests. */
    int size() {
        return locks.size();
    }

    private static boolean tryLock(ReentrantLock lock, Duration wait) {
        try {
            return lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
