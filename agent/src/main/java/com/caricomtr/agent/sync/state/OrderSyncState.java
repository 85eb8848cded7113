package com.caricomtr.agent.sync.state;

import java.time.Instant;

/**
 * One {@code order_sync} row as the dashboard and the orders-list column see it. Times are UTC.
 *
 * @param attempts   sends Cari answered (or that timed out once written) since the row was last (re)queued
 * @param claims     claims since then, attempts or not
 * @param lostClaims claims that ended without an outcome: the agent crashed or its lease ran out
 */
public record OrderSyncState(long orderId,
                             SyncState state,
                             String orderStatus,
                             Trigger trigger,
                             boolean force,
                             int attempts,
                             int claims,
                             int lostClaims,
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
