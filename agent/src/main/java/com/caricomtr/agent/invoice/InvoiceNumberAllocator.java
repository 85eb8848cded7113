package com.caricomtr.agent.invoice;

import java.util.Optional;

/**
 * Gapless invoice sequences, one per series and year. An order is assigned a sequence at most once; every later
 * call for the same order returns that same assignment, even with another series or year, so that a retried sync
 * sends the number Cari may already have seen.
 */
public interface InvoiceNumberAllocator {
    /** For mappers that never need a counter (ORDER_NUMBER numbering). */
    InvoiceNumberAllocator NONE = new InvoiceNumberAllocator() {
        @Override
        public InvoiceNumberAssignment allocate(long orderId, String series, int year) {
            throw new IllegalStateException("no invoice number allocator configured");
        }

        @Override
        public Optional<InvoiceNumberAssignment> find(long orderId) {
            return Optional.empty();
        }
    };

    /**
     * The order's assignment: the stored one when there is one, else the next sequence of {@code series} in
     * {@code year}, stored before it is returned.
     *
     * @throws NumberAllocationException when it cannot be stored
     */
    InvoiceNumberAssignment allocate(long orderId, String series, int year);

    /** The order's assignment, without creating one. */
    Optional<InvoiceNumberAssignment> find(long orderId);
}
