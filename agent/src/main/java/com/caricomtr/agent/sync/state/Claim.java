package com.caricomtr.agent.sync.state;

import java.time.Instant;

/**
 * A lease on one order, handed out by {@link OrderSyncStore#claim}. Pass it back to record outcomes: they apply
 * only while this claim is still the row's current one.
 *
 * <p>Claims and attempts are counted apart, since a crash or an expired lease is not Cari's answer: an order that
 * waited through ten agent restarts has lost ten claims but used none of {@code sync.max-attempts}.
 *
 * @param workerId       who holds the lease
 * @param claimSeq       the row's claim counter at this claim; with {@code workerId} it fences off stale holders
 * @param attempts       attempts counted before this claim: sends Cari answered, or that timed out once written
 * @param claims         claims since the row was (re)queued, this one included: the retry backoff grows with it
 * @param lostClaims     claims that ended without any outcome (a crash, a lease that ran out), counting the one
 *                       this claim recovers from
 * @param recovered      the row was found in {@code sending} with an expired lease: an earlier worker may have
 *                       sent the invoice before it died, so look it up in Cari before sending again
 * @param force          the order was enqueued with force (resend even if Cari has it)
 * @param leaseUntil     when the lease expires unless extended (database clock, UTC)
 * @param orderStatus    the WooCommerce status at enqueue time
 * @param trigger        what enqueued it
 * @param invoiceNumber  fixed before the first send; null until then
 * @param cariCustomerId recorded by an earlier attempt; may be null
 * @param cariInvoiceId  set when the order was synced before (a forced resend); may be null
 * @param attempted      this claim's work reached Cari ({@link #asAttempt()}): its outcome counts one attempt
 */
public record Claim(long orderId,
                   String workerId,
                   long claimSeq,
                   int attempts,
                   int claims,
                   int lostClaims,
                   boolean recovered,
                   boolean force,
                   Instant leaseUntil,
                   String orderStatus,
                   Trigger trigger,
                   StoredInvoiceNumber invoiceNumber,
                   String cariCustomerId,
                   String cariInvoiceId,
                   boolean attempted) {

    /** The number of the attempt this claim makes if it reaches Cari: 1 for the first. */
    public int attempt() {
        return attempts + 1;
    }

    /** This claim, its outcome counting as an attempt: a send was answered, or timed out once written. */
    public Claim asAttempt() {
        return attempted ? this : new Claim(orderId, workerId, claimSeq, attempts, claims, lostClaims, recovered,
                force, leaseUntil, orderStatus, trigger, invoiceNumber, cariCustomerId, cariInvoiceId, true);
    }
}
