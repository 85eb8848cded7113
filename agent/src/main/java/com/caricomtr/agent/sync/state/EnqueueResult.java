package com.caricomtr.agent.sync.state;

/** The outcome of one enqueue, and the row's state right after it. */
public record EnqueueResult(long orderId, EnqueueOutcome outcome, SyncState state) {
    /** Whether the order will be (re)sent because of this enqueue. */
    public boolean queued() {
        return outcome == EnqueueOutcome.QUEUED || outcome == EnqueueOutcome.REQUEUED;
    }
}
