package com.caricomtr.agent.sync.state;

import java.time.Instant;

/** One {@code order_sync} row as the dashboard and the orders-list column see it. Times are UTC. */
public record OrderSyncState(long orderId,
                             SyncState state,
                             String orderStatus,
                             Trigger trigger,
                             boolean force,
                             int attempts,
                             Instant nextAttemptAt,
                             String claimedBy,
                             Instant claimedUntil,
                             StoredInvoiceNumber invoiceNumber,
                             String cariCustomerId,
                             String cariInvoiceId,
                             String lastErrorClass,
                             String lastError,
                             Instant queuedAt,
                             Instant createdAt,
                             Instant updatedAt,
                             Instant syncedAt) {
}
