package com.caricomtr.agent.invoice;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How orders become invoices for one shop.
 *
 * @param series               the invoice prefix, {@code fatura.seri_no} on the wire; exactly 3 of A-Z/0-9 when
 *                             {@code gibStyleNumber}, else up to 16 letters, digits, {@code -} or {@code _}
 * @param numbering            where the sequence comes from
 * @param gibStyleNumber       print numbers as GİB's 16 characters ({@code WOO2025000000042}) instead of
 *                             series + sequence ({@code WOO42})
 * @param allowPlaceholderTckn an individual without a TCKN is invoiced to {@code 11111111111} instead of failing
 * @param homeCountry          ISO code of the shop's country; a billing country elsewhere makes a foreign buyer
 * @param homeCurrency         the currency that needs no exchange rate
 * @param zone                 the shop's time zone: the issue date is the order's creation date there
 */
public record InvoiceSettings(String series,
                              NumberingStrategy numbering,
                              boolean gibStyleNumber,
                              boolean allowPlaceholderTckn,
                              String homeCountry,
                              String homeCurrency,
                              ZoneId zone) {

    private static final Pattern GIB_SERIES = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern PLAIN_SERIES = Pattern.compile("[A-Za-z0-9_-]{0,16}");

    public InvoiceSettings {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(numbering, "numbering");
        Objects.requireNonNull(zone, "zone");
        if (gibStyleNumber && !GIB_SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("fatura.seri_no must be exactly 3 characters A-Z or 0-9 for GİB-style "
                    + "invoice numbers, got '" + series + "'");
        }
        if (!PLAIN_SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("fatura.seri_no may hold up to 16 letters, digits, '-' or '_', got '"
                    + series + "'");
        }
        homeCountry = upper(homeCountry, "homeCountry");
        homeCurrency = upper(homeCurrency, "homeCurrency");
    }

    /** A Turkish shop: series {@code WOO}, order numbers, GİB-style numbers, placeholder TCKN allowed. */
    public static InvoiceSettings defaults() {
        return new InvoiceSettings("WOO", NumberingStrategy.ORDER_NUMBER, true, true, "TR", "TRY",
                ZoneId.of("Europe/Istanbul"));
    }

    public InvoiceSettings withSeries(String newSeries) {
        return new InvoiceSettings(newSeries, numbering, gibStyleNumber, allowPlaceholderTckn, homeCountry,
                homeCurrency, zone);
    }

    public InvoiceSettings withNumbering(NumberingStrategy newNumbering) {
        return new InvoiceSettings(series, newNumbering, gibStyleNumber, allowPlaceholderTckn, homeCountry,
                homeCurrency, zone);
    }

    public InvoiceSettings withGibStyleNumber(boolean gib) {
        return new InvoiceSettings(series, numbering, gib, allowPlaceholderTckn, homeCountry, homeCurrency, zone);
    }

    public InvoiceSettings withAllowPlaceholderTckn(boolean allow) {
        return new InvoiceSettings(series, numbering, gibStyleNumber, allow, homeCountry, homeCurrency, zone);
    }

    private static String upper(String code, String name) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
