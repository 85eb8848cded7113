package com.caricomtr.agent.sync.state;

import java.time.Instant;

/**
 * A lease on one order, handed out by {@link OrderSyncStore#claim}. Pass it back to record outcomes: they apply
 * only while this claim is still the row's current one.
 *
 * @param workerId       who holds the lease
 * @param claimSeq       the row's claim counter at this claim; with {@code workerId} it fences off stale holders
 * @param attempt        1 for the first claim; counts claims since the row was (re)queued by an admin
 * @param recovered      the row was found in {@code sending} with an expired lease: an earlier worker may have
 *                       sent the invoice before it died, so look it up in Cari before sending again
 * @param force          the order was enqueued with force (resend even if Cari has it)
 * @param leaseUntil     when the lease expires unless extended (database clock, UTC)
 * @param orderStatus    the WooCommerce status at enqueue time
 * @param trigger        what enqueued it
 * @param invoiceNumber  fixed before the first send; null until then
 * @param cariCustomerId recorded by an earlier attempt; may be null
 * @param cariInvoiceId  set when the order was synced before (a forced resend); may be null
 */
public record Claim(long orderId,
                   String workerId,
                   long claimSeq,
                   int attempt,
                   boolean recovered,
                   boolean force,
                   Instant leaseUntil,
                   String orderStatus,
                   Trigger trigger,
                   StoredInvoiceNumber invoiceNumber,
                   String cariCustomerId,
                   String cariInvoiceId) {
}
