package com.caricomtr.agent.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.sync.state.ApiLogEntry;
import com.caricomtr.agent.sync.state.ApiLogStore;

/**
 * Writes the API log off the delivery path, in batches: one insert per exchange cost the sync a database round
 * trip for every request it made. Entries wait at most {@link #FLUSH_EVERY_MS} ms; a crash can lose that much log,
 * never a sync state (which is written synchronously).
 */
final class ApiLogWriter implements AutoCloseable {
    static final long FLUSH_EVERY_MS = 200;
    private static final int MAX_BATCH = 500;
    private static final int MAX_QUEUED = 20_000;
    private static final System.Logger LOG = System.getLogger(ApiLogWriter.class.getName());

    private final ApiLogStore store;
    private final LinkedBlockingQueue<ApiLogEntry> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    private volatile boolean running = true;

    ApiLogWriter(ApiLogStore store, String siteId) {
        this.store = store;
        this.thread = Thread.ofVirtual().name("api-log-" + siteId).start(this::run);
    }

    void add(ApiLogEntry entry) {
        if (!queue.offer(entry)) {
            LOG.log(System.Logger.Level.WARNING, "API log queue full; an entry was dropped");
        }
    }

    private void run() {
        List<ApiLogEntry> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                ApiLogEntry first = queue.poll(FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store.appendAll(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "API log not written (" + batch.size() + " entries): " + e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Flushes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
