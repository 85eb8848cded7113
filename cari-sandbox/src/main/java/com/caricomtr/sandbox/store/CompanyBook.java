package com.caricomtr.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One company's customers and invoices. Every method holds the book's lock, so checking that a {@code fatura_no} (or
 * a customer's {@code dis_anahtar}) is free and taking it is one step: of any number of identical concurrent requests
 * exactly one stores the record.
 */
final class CompanyBook {
    private final String firmaKodu;
    private final Map<String, StoredCustomer> customers = new LinkedHashMap<>();
    /** Customer ids by dis_anahtar: the agent looks customers up by key, and a scan made a long run quadratic. */
    private final Map<String, Set<String>> customerIdsByKey = new HashMap<>();
    private final Map<String, StoredInvoice> invoices = new LinkedHashMap<>();
    private final Map<String, StoredInvoice> invoicesByNumber = new HashMap<>();

    CompanyBook(String firmaKodu) {
        this.firmaKodu = firmaKodu;
    }

    /**
     * Stores a new customer unless another one of the company has its {@code dis_anahtar} and duplicates are not
     * accepted: checking the key and taking it is one step, so of any number of concurrent creations for one key
     * exactly one is stored.
     */
    synchronized CustomerOutcome addCustomer(LongSupplier sequences, ObjectNode cari, Instant now,
                                             boolean acceptDuplicateKeys) {
        Optional<StoredCustomer> holder = keyHolder(cari.path("dis_anahtar").asText(), null);
        if (holder.isPresent() && !acceptDuplicateKeys) {
            return new CustomerOutcome.KeyTaken(holder.get());
        }
        StoredCustomer customer = new StoredCustomer(sequences.getAsLong(), firmaKodu, cari, now, now);
        put(customer);
        return new CustomerOutcome.Stored(customer);
    }

    /** The oldest customer other than {@code exceptId} that has {@code disAnahtar}. */
    private Optional<StoredCustomer> keyHolder(String disAnahtar, String exceptId) {
        return customerIdsByKey.getOrDefault(disAnahtar, Set.of()).stream()
                .filter(id -> !id.equals(exceptId))
                .map(customers::get)
                .min(Comparator.comparingLong(StoredCustomer::sequence));
    }

    synchronized void restore(StoredCustomer customer) {
        put(customer);
    }

    private void put(StoredCustomer customer) {
        StoredCustomer previous = customers.put(customer.id(), customer);
        if (previous != null) {
            Set<String> ids = customerIdsByKey.get(previous.disAnahtar());
            if (ids != null) {
                ids.remove(previous.id());
            }
        }
        customerIdsByKey.computeIfAbsent(customer.disAnahtar(), key -> new HashSet<>()).add(customer.id());
    }

    /** Empty for an unknown id; refused like a creation when the new key belongs to another customer. */
    synchronized Optional<CustomerOutcome> updateCustomer(String id, ObjectNode cari, Instant now,
                                                          boolean acceptDuplicateKeys) {
        StoredCustomer current = customers.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Optional<StoredCustomer> holder = keyHolder(cari.path("dis_anahtar").asText(), id);
        if (holder.isPresent() && !acceptDuplicateKeys) {
            return Optional.of(new CustomerOutcome.KeyTaken(holder.get()));
        }
        StoredCustomer updated = current.updated(cari, now);
        put(updated);
        return Optional.of(new CustomerOutcome.Stored(updated));
    }

    synchronized boolean hasCustomer(String id) {
        return customers.containsKey(id);
    }

    synchronized Optional<StoredCustomer> customer(String id) {
        return Optional.ofNullable(customers.get(id));
    }

    synchronized List<StoredCustomer> customersWithKey(String disAnahtar) {
        return customerIdsByKey.getOrDefault(disAnahtar, Set.of()).stream().map(customers::get)
                .sorted(Comparator.comparingLong(StoredCustomer::sequence)).toList();
    }

    synchronized InvoiceOutcome addInvoice(LongSupplier sequences, ObjectNode fatura, Instant now) {
        String number = fatura.path("fatura_no").asText();
        StoredInvoice existing = invoicesByNumber.get(number);
        if (existing != null) {
            return new InvoiceOutcome.Duplicate(existing, existing.sameContentAs(fatura));
        }
        StoredInvoice invoice = new StoredInvoice(sequences.getAsLong(), firmaKodu, fatura, now);
        restore(invoice);
        return new InvoiceOutcome.Created(invoice);
    }

    synchronized void restore(StoredInvoice invoice) {
        invoices.put(invoice.id(), invoice);
        invoicesByNumber.put(invoice.faturaNo(), invoice);
    }

    synchronized Optional<StoredInvoice> invoice(String id) {
        return Optional.ofNullable(invoices.get(id));
    }

    /** Both parts must match: a number is only meaningful within its series. */
    synchronized List<StoredInvoice> invoicesNumbered(String seriNo, String faturaNo) {
        StoredInvoice invoice = invoicesByNumber.get(faturaNo);
        return invoice != null && invoice.seriNo().equals(seriNo) ? List.of(invoice) : List.of();
    }

    synchronized List<StoredCustomer> customers() {
        return new ArrayList<>(customers.values());
    }

    synchronized int invoiceCount() {
        return invoices.size();
    }

    synchronized List<StoredInvoice> invoices() {
        return new ArrayList<>(invoices.values());
    }
}
