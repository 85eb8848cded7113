package com.caricomtr.sandbox.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent API requests, oldest dropped first. */
public final class RequestLog {
    private final int capacity;
    private final Deque<RequestRecord> records = new ArrayDeque<>();

    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("request log size must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(RequestRecord record) {
        if (records.size() == capacity) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    /** The last {@code limit} requests, oldest first. */
    public synchronized List<RequestRecord> recent(int limit) {
        List<RequestRecord> all = new ArrayList<>(records);
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    public synchronized void clear() {
        records.clear();
    }
}
