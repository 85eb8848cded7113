package com.caricomtr.agent.cari;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;

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

    public static String invoice(Invoice invoice, String cariId) {
        return CariJson.write(CariMapping.invoice(invoice, cariId));
    }
}
