package com.caricomtr.agent.sync.state;

import java.time.Instant;

/** One recorded problem. {@code orderId} and {@code field} may be null (e.g. a settings problem). */
public record ErrorRecord(long id, Long orderId, String field, String message, String errorClass, Instant createdAt,
                          Instant dismissedAt) {
    public boolean open() {
        return dismissedAt == null;
    }
}
