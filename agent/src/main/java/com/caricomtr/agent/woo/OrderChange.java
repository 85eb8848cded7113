package com.caricomtr.agent.woo;

import java.time.Instant;

/** An order whose row changed, as the poller sees it: enough to decide whether to queue it. */
public record OrderChange(long orderId, String status, Instant modifiedGmt) {
}
