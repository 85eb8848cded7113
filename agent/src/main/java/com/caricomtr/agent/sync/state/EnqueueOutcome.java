package com.caricomtr.agent.sync.state;

/** What {@link OrderSyncStore#enqueue} did. */
public enum EnqueueOutcome {
    /** There was no row: a new pending one was inserted. */
    QUEUED,
    /** A forced enqueue moved a synced, failed, needs-review or dismissed row back to pending. */
    REQUEUED,
    /** The row is already pending or sending: nothing changed (force or not). */
    ALREADY_QUEUED,
    /** The row is synced and the enqueue was not forced: nothing changed. */
    ALREADY_SYNCED,
    /** The row is failed, needs review or dismissed and the enqueue was not forced: nothing changed. */
    NOT_REQUEUED
}
