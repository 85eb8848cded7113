package com.caricomtr.agent.cli;

import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.NumberingStrategy;

import picocli.CommandLine.Option;

/** The invoice settings a shop chooses, for the commands that map orders. */
final class InvoiceOptions {
    @Option(names = "--series", defaultValue = "WOO", description = "Invoice prefix, fatura.seri_no "
            + "(default: ${DEFAULT-VALUE})")
    String series;

    @Option(names = "--numbering", defaultValue = "ORDER_NUMBER",
            description = "ORDER_NUMBER or GAPLESS_COUNTER (default: ${DEFAULT-VALUE})")
    NumberingStrategy numbering;

    @Option(names = "--plain-number", description = "Number invoices <prefix><sequence> instead of the GİB style "
            + "<3-char prefix><year><9 digits>")
    boolean plainNumber;

    @Option(names = "--no-placeholder-tckn", description = "Refuse individuals without a TCKN instead of invoicing "
            + "them with 11111111111")
    boolean noPlaceholderTckn;

    InvoiceSettings settings() {
        return InvoiceSettings.defaults()
                .withSeries(series)
                .withNumbering(numbering)
                .withGibStyleNumber(!plainNumber)
                .withAllowPlaceholderTckn(!noPlaceholderTckn);
    }
}
