package com.caricomtr.agent.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariClient;
import com.caricomtr.agent.cari.CariCustomerRef;
import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.cari.CariInvoice;
import com.caricomtr.agent.cari.CariInvoiceRef;
import com.caricomtr.agent.cari.CariPayloads;
import com.caricomtr.agent.cari.FailureClass;
import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends one mapped invoice: first its customer (created, or updated when it changed, and remembered by customer
 * key; one delivery at a time per key), then the invoice. Cari's "a customer with this key exists" answer is adopted,
 * so that one buyer stays one customer. Its "this invoice number exists" answer is adopted as success, which is what
 * makes a resend of the same number safe, but only once the existing invoice has been read back and found to be
 * this order's ({@link CariClient#mismatch}): another shop's invoice under the same number is a
 * {@link ForeignInvoice}.
 *
 * <p>Each payload's content may go through a filter right before it is sent (a shop's
 * {@code caricomtr_customer_data} and {@code caricomtr_invoice_data}); the client puts back the fields the agent
 * finds records by, so a filter cannot break exactly-once.
 */
public final class InvoiceDelivery {
    /**
     * @param adopted   true when Cari already had the invoice (an earlier attempt got through)
     * @param attempted true when the invoice was sent this time; false when a lookup found it
     */
    public record Outcome(String cariCustomerId, String cariInvoiceId, boolean adopted, boolean attempted) {
    }

    private final CariClient client;
    private final CustomerIds customers;

    public InvoiceDelivery(CariClient client, CustomerIds customers) {
        this.client = client;
        this.customers = customers;
    }

    public Outcome deliver(Invoice invoice, CariCallContext context) throws CariException, ForeignInvoice {
        return deliver(invoice, context, false, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * As {@link #deliver(Invoice, CariCallContext)}, with the content of the customer ({@code cari}) and of the
     * invoice ({@code fatura}) passed through the filters before they are sent. The customer filter runs for every
     * invoice, since what it makes of the customer decides whether Cari's copy is still current.
     *
     * @param lookFirst look the number up in Cari before sending: an earlier worker may have sent it and died
     */
    public Outcome deliver(Invoice invoice, CariCallContext context, boolean lookFirst,
                           UnaryOperator<ObjectNode> customerFilter, UnaryOperator<ObjectNode> invoiceFilter)
            throws CariException, ForeignInvoice {
        String customerId = customer(invoice.customer(), context, customerFilter);
        ObjectNode content = invoiceFilter.apply(client.invoiceContent(invoice, customerId));
        if (lookFirst) {
            Optional<CariInvoice> found = client.findInvoice(invoice.series(), invoice.number(), context);
            if (found.isPresent()) {
                return adopt(invoice, content, found.get(), customerId, false);
            }
        }
        try {
            CariInvoiceRef ref = client.createInvoice(invoice, content, context);
            return new Outcome(customerId, ref.id(), false, true);
        } catch (CariException e) {
            if (e.failureClass() == FailureClass.CONFLICT && e.existingInvoiceId().isPresent()) {
                CariInvoice existing = client.readInvoice(e.existingInvoiceId().get(), context);
                return adopt(invoice, content, existing, customerId, true);
            }
            throw e;
        }
    }

    /** The invoice Cari holds under this number, when it is this order's; else nobody's to adopt. */
    private Outcome adopt(Invoice invoice, ObjectNode content, CariInvoice existing, String customerId,
                          boolean afterSend) throws ForeignInvoice {
        Optional<String> mismatch = client.mismatch(invoice, content, existing);
        if (mismatch.isPresent()) {
            throw new ForeignInvoice(existing.id(), mismatch.get(), afterSend);
        }
        return new Outcome(customerId, existing.id(), true, afterSend);
    }

    /**
     * The Cari id of the invoice's customer, creating or updating the customer only when what would be sent differs
     * from what was sent last. A repeat buyer whose data is unchanged costs one cache read, no lock and no call;
     * anything else is resolved holding the customer's key ({@link CustomerIds#resolve}).
     */
    private String customer(CustomerRecord customer, CariCallContext context, UnaryOperator<ObjectNode> filter)
            throws CariException {
        ObjectNode content = filter.apply(client.customerContent(customer));
        String hash = hash(CariPayloads.customer(customer, content));
        Optional<CustomerIds.Known> cached = customers.find(customer.key());
        if (cached.isPresent() && cached.get().payloadHash().equals(hash)) {
            return cached.get().cariId();
        }
        return customers.resolve(customer.key(), current -> {
            if (current.isPresent() && current.get().payloadHash().equals(hash)) {
                return current.get(); // another delivery sent exactly this while we waited
            }
            String id = current.map(CustomerIds.Known::cariId).orElse(null);
            if (id == null) {
                // Not cached, but perhaps in Cari: made by a create whose answer was lost (a timeout, "stored, then
                // failed"), or by another site of the same Cari company.
                id = client.findCustomer(customer.key(), context).map(CariCustomerRef::id).orElse(null);
            }
            CariCustomerRef ref = id == null ? createOrAdopt(customer, content, context)
                    : client.updateCustomer(id, customer, content, context);
            return new CustomerIds.Known(ref.id(), hash);
        }).cariId();
    }

    /**
     * Creates the customer; when Cari answers that a customer with this key exists (made by an agent that does not
     * share our lock, e.g. on another database server), adopts that one and updates it with our content, so that
     * Cari holds what we meant to send.
     */
    private CariCustomerRef createOrAdopt(CustomerRecord customer, ObjectNode content, CariCallContext context)
            throws CariException {
        try {
            return client.createCustomer(customer, content, context);
        } catch (CariException e) {
            if (e.failureClass() != FailureClass.CONFLICT) {
                throw e;
            }
            Optional<String> existing = e.existingId().isPresent() ? e.existingId()
                    : client.findCustomer(customer.key(), context).map(CariCustomerRef::id);
            if (existing.isEmpty()) {
                throw e;
            }
            return client.updateCustomer(existing.get(), customer, content, context);
        }
    }

    private static String hash(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
