package com.caricomtr.agent.sync;

/**
 * Cari holds an invoice under this order's number that is not this order's (another shop's, or one made outside
 * the agent): it must not be adopted, and a person decides. The message names what differs and both invoices'
 * figures.
 */
public final class ForeignInvoice extends Exception {
    private final String cariInvoiceId;
    private final boolean afterSend;

    ForeignInvoice(String cariInvoiceId, String message, boolean afterSend) {
        super(message);
        this.cariInvoiceId = cariInvoiceId;
        this.afterSend = afterSend;
    }

    /** The id of the invoice Cari holds under the number. */
    public String cariInvoiceId() {
        return cariInvoiceId;
    }

    /** True when it was found because Cari answered our send with "exists" (an attempt), false by a lookup. */
    public boolean afterSend() {
        return afterSend;
    }
}
