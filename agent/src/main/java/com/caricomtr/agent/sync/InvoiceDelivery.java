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
import com.caricomtr.agent.cari.CariInvoiceRef;
import com.caricomtr.agent.cari.CariPayloads;
import com.caricomtr.agent.cari.FailureClass;
import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends one mapped invoice: first its customer (created, or updated when it changed, and remembered by customer
 * key), then the invoice. Cari's "this invoice number exists" answer is adopted as success, which is what makes a
 * resend of the same number safe.
 *
 * <p>Each payload's content may go through a filter right before it is sent (a shop's
 * {@code caricomtr_customer_data} and {@code caricomtr_invoice_data}); the client puts back the fields the agent
 * finds records by, so a filter cannot break exactly-once.
 */
public final class InvoiceDelivery {
    /**
     * @param adopted true when Cari already had the invoice (an earlier attempt got through)
     */
    public record Outcome(String cariCustomerId, String cariInvoiceId, boolean adopted) {
    }

    private final CariClient client;
    private final CustomerIds customers;

    public InvoiceDelivery(CariClient client, CustomerIds customers) {
        this.client = client;
        this.customers = customers;
    }

    public Outcome deliver(Invoice invoice, CariCallContext context) throws CariException {
        return deliver(invoice, context, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * As {@link #deliver(Invoice, CariCallContext)}, with the content of the customer ({@code cari}) and of the
     * invoice ({@code fatura}) passed through the filters before they are sent. The customer filter runs for every
     * invoice, since what it makes of the customer decides whether Cari's copy is still current.
     */
    public Outcome deliver(Invoice invoice, CariCallContext context, UnaryOperator<ObjectNode> customerFilter,
                           UnaryOperator<ObjectNode> invoiceFilter) throws CariException {
        String customerId = customer(invoice.customer(), context, customerFilter);
        ObjectNode content = invoiceFilter.apply(client.invoiceContent(invoice, customerId));
        try {
            CariInvoiceRef ref = client.createInvoice(invoice, content, context);
            return new Outcome(customerId, ref.id(), false);
        } catch (CariException e) {
            if (e.failureClass() == FailureClass.CONFLICT && e.existingInvoiceId().isPresent()) {
                return new Outcome(customerId, e.existingInvoiceId().get(), true);
            }
            throw e;
        }
    }

    /**
     * The Cari id of the invoice's customer, creating or updating the customer only when what would be sent differs
     * from what was sent last.
     */
    private String customer(CustomerRecord customer, CariCallContext context, UnaryOperator<ObjectNode> filter)
            throws CariException {
        ObjectNode content = filter.apply(client.customerContent(customer));
        String hash = hash(CariPayloads.customer(customer, content));
        Optional<CustomerIds.Known> known = customers.find(customer.key());
        if (known.isPresent() && known.get().payloadHash().equals(hash)) {
            return known.get().cariId();
        }
        String id = known.map(CustomerIds.Known::cariId).orElse(null);
        if (id == null) {
            id = client.findCustomer(customer.key(), context).map(CariCustomerRef::id).orElse(null);
        }
        CariCustomerRef ref = id == null
                ? client.createCustomer(customer, content, context)
                : client.updateCustomer(id, customer, content, context);
        customers.put(customer.key(), new CustomerIds.Known(ref.id(), hash));
        return ref.id();
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
