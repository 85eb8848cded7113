package com.caricomtr.agent.cari;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The exact bodies the client would send, without sending them: for the dry-run command and for tests that check
 * payloads against the order they came from.
 */
public final class CariPayloads {
    /** What a dry run shows in place of the Cari customer id, which only Cari can assign. */
    public static final String UNKNOWN_CUSTOMER_ID = "(assigned by Cari)";

    private CariPayloads() {
    }

    public static String customer(CustomerRecord customer) {
        return CariJson.write(CariMapping.customer(customer));
    }

    /**
     * The body {@link CariClient#createCustomer(CustomerRecord, ObjectNode, CariCallContext)} sends for this content;
     * for content nobody changed, the same text as {@link #customer(CustomerRecord)}.
     */
    public static String customer(CustomerRecord customer, ObjectNode content) {
        return CariJson.write(FilteredContent.customerRequest(customer, content));
    }

    public static String invoice(Invoice invoice, String cariId) {
        return CariJson.write(CariMapping.invoice(invoice, cariId, null));
    }
}
