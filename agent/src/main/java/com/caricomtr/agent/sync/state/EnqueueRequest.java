package com.caricomtr.agent.sync.state;

import java.util.Objects;

/**
 * One order to enqueue.
 *
 * @param orderStatus the WooCommerce status when enqueued (kept for the dashboard), may be null
 * @param force       resend even a synced order (keeping its invoice number), or requeue a failed, needs-review or
 *                    dismissed one
 */
public record EnqueueRequest(long orderId, String orderStatus, Trigger trigger, boolean force) {
    public EnqueueRequest {
        if (orderId <= 0) {
            throw new IllegalArgumentException("order id must be positive, got " + orderId);
        }
        Texts.requireLength("order status", orderStatus, 64, true);
        Objects.requireNonNull(trigger, "trigger");
    }
}
