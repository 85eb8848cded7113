package com.caricomtr.sandbox.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything the sandbox has accepted, per company. Ids are global ({@code C000001}, {@code F000001}) so that one
 * company asking for another's id gets a 404 rather than a different record.
 *
 * <p>Each change bumps a version and tells the listener, after the change is visible, so a persister that snapshots
 * at version ≥ v is sure to include change v.
 */
public final class Ledger {
    private final Map<String, CompanyBook> books = new ConcurrentHashMap<>();
    private final boolean acceptDuplicateCustomerKeys;
    private final AtomicLong lastCustomer = new AtomicLong();
    private final AtomicLong lastInvoice = new AtomicLong();
    private final AtomicLong version = new AtomicLong();
    private volatile LongConsumer changeListener = v -> { };

    /** A ledger that refuses a second customer with a {@code dis_anahtar} its company already has. */
    public Ledger() {
        this(false);
    }

    /** @param acceptDuplicateCustomerKeys store such a customer instead, as a Cari that does not refuse them might */
    public Ledger(boolean acceptDuplicateCustomerKeys) {
        this.acceptDuplicateCustomerKeys = acceptDuplicateCustomerKeys;
    }

    /** Called after every change with the new version; may block (e.g. to make the change durable). */
    public void onChange(LongConsumer listener) {
        this.changeListener = listener;
    }

    public long version() {
        return version.get();
    }

    private CompanyBook book(String firmaKodu) {
        return books.computeIfAbsent(firmaKodu, CompanyBook::new);
    }

    private void changed() {
        changeListener.accept(version.incrementAndGet());
    }

    public CustomerOutcome createCustomer(String firmaKodu, ObjectNode cari) {
        CustomerOutcome outcome = book(firmaKodu).addCustomer(lastCustomer::incrementAndGet, cari, Instant.now(),
                acceptDuplicateCustomerKeys);
        if (outcome instanceof CustomerOutcome.Stored) {
            changed();
        }
        return outcome;
    }

    /** Empty when the company has no customer {@code id}. */
    public Optional<CustomerOutcome> updateCustomer(String firmaKodu, String id, ObjectNode cari) {
        Optional<CustomerOutcome> outcome = book(firmaKodu).updateCustomer(id, cari, Instant.now(),
                acceptDuplicateCustomerKeys);
        if (outcome.orElse(null) instanceof CustomerOutcome.Stored) {
            changed();
        }
        return outcome;
    }

    public boolean customerExists(String firmaKodu, String id) {
        return book(firmaKodu).hasCustomer(id);
    }

    public Optional<StoredCustomer> customer(String firmaKodu, String id) {
        return book(firmaKodu).customer(id);
    }

    public List<StoredCustomer> customersWithKey(String firmaKodu, String disAnahtar) {
        return book(firmaKodu).customersWithKey(disAnahtar);
    }

    public InvoiceOutcome createInvoice(String firmaKodu, ObjectNode fatura) {
        InvoiceOutcome outcome = book(firmaKodu).addInvoice(lastInvoice::incrementAndGet, fatura, Instant.now());
        if (outcome instanceof InvoiceOutcome.Created) {
            changed();
        }
        return outcome;
    }

    public Optional<StoredInvoice> invoice(String firmaKodu, String id) {
        return book(firmaKodu).invoice(id);
    }

    public List<StoredInvoice> invoicesNumbered(String firmaKodu, String seriNo, String faturaNo) {
        return book(firmaKodu).invoicesNumbered(seriNo, faturaNo);
    }

    /** All customers of all companies, oldest first. */
    public List<StoredCustomer> customers() {
        return books.values().stream()
                .flatMap(book -> book.customers().stream())
                .sorted(Comparator.comparingLong(StoredCustomer::sequence))
                .toList();
    }

    /** How many invoices all companies hold: cheap enough to poll, unlike {@link #invoices()}. */
    public long invoiceCount() {
        return books.values().stream().mapToLong(CompanyBook::invoiceCount).sum();
    }

    /** All invoices of all companies, oldest first. */
    public List<StoredInvoice> invoices() {
        return books.values().stream()
                .flatMap(book -> book.invoices().stream())
                .sorted(Comparator.comparingLong(StoredInvoice::sequence))
                .toList();
    }

    /** Forgets everything; ids start again at 1. */
    public void clear() {
        books.clear();
        lastCustomer.set(0);
        lastInvoice.set(0);
        changed();
    }

    /** Puts back records read from a data file, without telling the listener: they are already on disk. */
    void restore(List<StoredCustomer> customers, List<StoredInvoice> invoices) {
        customers.forEach(c -> book(c.firmaKodu()).restore(c));
        invoices.forEach(i -> book(i.firmaKodu()).restore(i));
        lastCustomer.set(customers.stream().mapToLong(StoredCustomer::sequence).max().orElse(0));
        lastInvoice.set(invoices.stream().mapToLong(StoredInvoice::sequence).max().orElse(0));
    }
}
