package com.caricomtr.agent.invoice;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** How invoice numbers are printed. */
public final class InvoiceNumberFormat {
    /** Nine digits is all a GİB number has room for. */
    public static final long GIB_MAX_SEQUENCE = 999_999_999L;
    /** The longest number {@link #isPlainNumber} accepts. */
    public static final int MAX_PLAIN_NUMBER_LENGTH = 32;
    private static final Pattern GIB_SERIES = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern PLAIN_SERIES = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Pattern GIB_NUMBER = Pattern.compile("([A-Z0-9]{3})([0-9]{4})([0-9]{9})");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_PLAIN_NUMBER_LENGTH + "}");

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

    /**
     * Whether {@code series} can prefix numbers of this format, as a configured series must: exactly 3 of A-Z and
     * 0-9 for GİB numbers ({@code fatura.seri_no} is the number's prefix), else 1-16 letters, digits, '-' or '_'.
     */
    public static boolean isSeries(String series, boolean gibStyle) {
        return series != null && (gibStyle ? GIB_SERIES : PLAIN_SERIES).matcher(series).matches();
    }

    /**
     * The sequence of {@code number} when it is a GİB number of {@code series} in {@code year} (prefix, year and a
     * 9-digit sequence from 1, as {@link #gib} prints them); empty for anything else.
     */
    public static OptionalLong gibSequence(String number, String series, int year) {
        var parts = number == null ? null : GIB_NUMBER.matcher(number);
        if (parts == null || !parts.matches() || !parts.group(1).equals(series)
                || Integer.parseInt(parts.group(2)) != year) {
            return OptionalLong.empty();
        }
        long sequence = Long.parseLong(parts.group(3));
        return sequence < 1 ? OptionalLong.empty() : OptionalLong.of(sequence);
    }

    /** Whether {@code number} is usable where numbers are not GİB-style: 1-32 letters, digits, '-' or '_'. */
    public static boolean isPlainNumber(String number) {
        return number != null && PLAIN_NUMBER.matcher(number).matches();
    }
}
