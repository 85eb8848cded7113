package com.caricomtr.agent.invoice;

import java.util.regex.Pattern;

/** How invoice numbers are printed. */
public final class InvoiceNumberFormat {
    /** Nine digits is all a GİB number has room for. */
    public static final long GIB_MAX_SEQUENCE = 999_999_999L;
    private static final Pattern GIB_SERIES = Pattern.compile("[A-Z0-9]{3}");

    private InvoiceNumberFormat() {
    }

    /**
     * The 16-character number GİB requires for e-Fatura/e-Arşiv: 3-character series, 4-digit year, 9-digit
     * zero-padded sequence, e.g. {@code WOO2025000000042}.
     */
    public static String gib(String series, int year, long sequence) {
        if (series == null || !GIB_SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("GİB series must be 3 characters A-Z or 0-9, got '" + series + "'");
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have 4 digits, got " + year);
        }
        if (sequence < 1 || sequence > GIB_MAX_SEQUENCE) {
            throw new IllegalArgumentException("GİB sequence must be 1.." + GIB_MAX_SEQUENCE + ", got " + sequence);
        }
        return series + year + String.format("%09d", sequence);
    }

    /** Series followed by the sequence, unpadded: {@code WOO42}. */
    public static String plain(String series, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive, got " + sequence);
        }
        return series + sequence;
    }
}
