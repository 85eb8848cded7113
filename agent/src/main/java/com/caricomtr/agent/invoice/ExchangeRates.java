package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a foreign-currency invoice would get its TRY rate (e.g. the TCMB selling rate of the previous business day).
 * Amounts always stay in the order's currency; the rate only travels on the invoice for Cari to convert.
 */
@FunctionalInterface
public interface ExchangeRates {
    /** No rates known: foreign-currency invoices carry a null exchange rate. */
    ExchangeRates NONE = (currency, date) -> Optional.empty();

    /** TRY per one unit of {@code currency} on {@code date}, empty when not known. */
    Optional<BigDecimal> toTry(String currency, LocalDate date);
}
