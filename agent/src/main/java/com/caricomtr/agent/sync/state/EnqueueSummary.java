package com.caricomtr.agent.sync.state;

/**
 * What a batch enqueue did, counted by the database: {@code queued} new rows, {@code requeued} forced back to
 * pending, {@code unchanged} the rest (already queued, synced, or left alone without force). Duplicate order ids
 * in one batch count once.
 */
public record EnqueueSummary(int queued, int requeued, int unchanged) {
    public EnqueueSummary plus(EnqueueSummary other) {
        return new EnqueueSummary(queued + other.queued, requeued + other.requeued, unchanged + other.unchanged);
    }
}
