package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.sync.state.ApiLogEntry;
import com.caricomtr.agent.sync.state.ApiLogStore;
import com.caricomtr.agent.sync.state.StateStoreException;

/**
 * Writes the API log off the delivery path, in batches: one insert per exchange cost the sync a database round
 * trip for every request it made. Entries wait at most {@link #FLUSH_EVERY_MS} ms; a crash can lose that much log,
 * never a sync state (which is written synchronously).
 *
 * <p>When the database cannot be reached the batch is kept and written once it answers again ({@link OutageBackoff}):
 * the exchanges around an outage are the ones worth reading afterwards. The queue is bounded, and little arrives
 * meanwhile, since no order can be claimed without the database. A batch the database refuses is dropped, with a
 * warning, so that it cannot block the log. A batch that failed as its connection broke may have been stored in
 * part: retrying it can repeat a few rows, which is better than losing them.
 */
final class ApiLogWriter implements AutoCloseable {
    static final long FLUSH_EVERY_MS = 200;
    /** Far more than a healthy flush of the queue takes, far less than the pool waits for a connection (10 s). */
    static final Duration FLUSH_GRACE = Duration.ofSeconds(2);
    private static final int MAX_BATCH = 500;
    private static final int MAX_QUEUED = 20_000;
    private static final System.Logger LOG = System.getLogger(ApiLogWriter.class.getName());

    private final ApiLogStore store;
    private final OutageBackoff outage;
    private final LinkedBlockingQueue<ApiLogEntry> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean databaseDown;

    ApiLogWriter(ApiLogStore store, String siteId) {
        this.store = store;
        this.outage = new OutageBackoff("site " + siteId + ": API log");
        this.thread = Thread.ofVirtual().name("api-log-" + siteId).start(this::run);
    }

    void add(ApiLogEntry entry) {
        if (!queue.offer(entry)) {
            LOG.log(System.Logger.Level.WARNING, "API log queue full; an entry was dropped");
        }
    }

    private void run() {
        List<ApiLogEntry> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    ApiLogEntry first = queue.poll(FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, MAX_BATCH - batch.size());
                store.appendAll(batch);
                batch.clear();
                databaseDown = false;
                outage.succeeded("writing the entries kept meanwhile");
            } catch (InterruptedException e) {
                running = false;
            } catch (StateStoreException e) {
                if (running && e.lostTheDatabase()) {
                    databaseDown = true;
                    pause(outage.failed(e));
                } else {
                    drop(batch, e);
                }
            } catch (RuntimeException e) {
                drop(batch, e);
            }
        }
    }

    /** When closing, whatever is still queued goes too: a database that is down will not take it now. */
    private void drop(List<ApiLogEntry> batch, RuntimeException cause) {
        int dropped = batch.size() + (running ? 0 : queue.size());
        batch.clear();
        if (!running) {
            queue.clear();
        }
        LOG.log(System.Logger.Level.WARNING, "API log not written (" + dropped + " entries): " + cause);
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            // Closing during an outage: the next attempt fails at once instead of waiting for a connection.
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Flushes what is queued, then stops. During an outage it drops the queue instead of waiting for the database;
     * a flush still stuck after {@link #FLUSH_GRACE} (waiting for a connection the pool cannot make) is interrupted.
     */
    @Override
    public void close() {
        running = false;
        if (databaseDown) {
            thread.interrupt();
        }
        try {
            if (!thread.join(FLUSH_GRACE)) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
