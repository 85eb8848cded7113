package com.caricomtr.agent.sync.state;

import java.time.Instant;

/** A stored exchange. Bodies are null when the query asked for none. */
public record ApiLogRecord(long id, Long orderId, Integer attempt, String method, String url, String requestBody,
                           Integer status, String responseBody, long durationMs, String outcome, String errorClass,
                           Instant createdAt) {
}
