package com.caricomtr.agent.cli;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.sync.ForeignInvoice;
import com.caricomtr.agent.sync.InvoiceDelivery;

/** Sends invoices (customer, then invoice) with a fixed number in flight, for the benchmarks. */
final class ConcurrentDeliveries {
    private ConcurrentDeliveries() {
    }

    @FunctionalInterface
    interface Delivered {
        /** @param failure null when the invoice went through */
        void delivered(int index, long nanos, Exception failure);
    }

    /** Returns when every invoice has been delivered or has failed. */
    static void deliverAll(InvoiceDelivery delivery, List<Invoice> invoices, int concurrency, Delivered done)
            throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < invoices.size(); i++) {
                int index = i;
                slots.acquire();
                workers.submit(() -> {
                    long started = System.nanoTime();
                    Exception failure = null;
                    try {
                        Invoice invoice = invoices.get(index);
                        delivery.deliver(invoice, CariCallContext.forOrder(invoice.orderId(), 1));
                    } catch (CariException | ForeignInvoice | RuntimeException e) {
                        failure = e;
                    } finally {
                        done.delivered(index, System.nanoTime() - started, failure);
                        slots.release();
                    }
                });
            }
        }
    }
}
