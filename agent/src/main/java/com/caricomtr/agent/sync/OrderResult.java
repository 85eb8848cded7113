package com.caricomtr.agent.sync;

/**
 * What a sync request did to one order, for the bridge's per-order answer.
 *
 * @param outcome {@code queued}, {@code requeued}, {@code already_queued}, {@code already_synced},
 *                {@code not_requeued}, {@code not_in_trigger_status} or {@code not_found}
 */
public record OrderResult(long orderId, String outcome, String state, String message) {
}
