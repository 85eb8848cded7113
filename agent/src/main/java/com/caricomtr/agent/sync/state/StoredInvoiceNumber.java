package com.caricomtr.agent.sync.state;

/**
 * The invoice number fixed for an order before its first send.
 *
 * @param sequence null when the number is not from a gapless counter (e.g. derived from the order number)
 */
public record StoredInvoiceNumber(String series, String number, Long sequence) {
    public StoredInvoiceNumber {
        Texts.requireLength("invoice series", series, 16, true);
        Texts.requireLength("invoice number", number, 64, false);
        if (number.isBlank()) {
            throw new IllegalArgumentException("invoice number must not be blank");
        }
    }
}
