package com.caricomtr.sandbox.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters over all API requests since start or the last reset. */
public final class TrafficStats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder conflictsWithDifferentContent = new LongAdder();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    /** Changes at every reset, so that requests begun before a reset are not counted after it. */
    public long epoch() {
        return epoch.get();
    }

    public void answered(int status) {
        requests.increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** A request that got no HTTP answer: dropped by a fault, or the client went away first. */
    public void unanswered() {
        requests.increment();
        unanswered.increment();
    }

    /** A 409 whose payload differed from the stored invoice: the client reused a number for another invoice. */
    public void conflictWithDifferentContent() {
        conflictsWithDifferentContent.increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long unansweredCount() {
        return unanswered.sum();
    }

    public long conflictsWithDifferentContent() {
        return conflictsWithDifferentContent.sum();
    }

    public long withStatus(int status) {
        LongAdder count = byStatus.get(status);
        return count == null ? 0 : count.sum();
    }

    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    public void reset() {
        epoch.incrementAndGet();
        requests.reset();
        unanswered.reset();
        conflictsWithDifferentContent.reset();
        byStatus.clear();
    }
}
