package com.caricomtr.agent.cari;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.CustomerType;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceLine;
import com.caricomtr.agent.invoice.LineKind;
import com.caricomtr.agent.invoice.TaxSummary;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import mockwebserver3.MockResponse;

/** The documented examples as domain records, the contract document itself, and small helpers. */
final class CariFixtures {
    static final String FIRMA_KODU = "DEMO-FIRMA";
    static final String API_TOKEN = "test-token-0123456789";

    private CariFixtures() {
    }

    /** An in-process sandbox on a free port and a client of its DEMO company that logs nothing, closed together. */
    static final class DemoSandbox implements AutoCloseable {
        final CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build());
        final CariClient client = CariClient.create(CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token"),
                CariExchangeListener.NONE);

        @Override
        public void close() {
            client.close();
            sandbox.close();
        }
    }

    /** The site of the documented invoice's {@code dis_anahtar} ({@code magaza/32}). */
    static final String SITE_ID = "magaza";

    /** The customer of docs/cari-api.md, built by hand as the invoice package would. */
    static CustomerRecord documentedCustomer() {
        return new CustomerRecord("vkn:6789123457", CustomerType.COMPANY, "Mehmet Öztürk", "Öztürk Gıda Ltd. Şti.",
                "6789123457", "Çankaya Vergi Dairesi", "Atatürk Bulvarı No:45 Kat 3", "Çankaya", "TR06", "06420",
                "TR", "mehmet.ozturk@example.test", "0312 444 55 66");
    }

    /**
     * The invoice of docs/cari-api.md. Scales vary on purpose ({@code 316.5}, {@code 20.00}, {@code 2.000}): the
     * wire must show money with exactly two decimals and rates and quantities without trailing zeros.
     */
    static Invoice documentedInvoice() {
        InvoiceLine coffee = new InvoiceLine(LineKind.PRODUCT, "Türk Kahvesi 250 g", "TK-250", new BigDecimal("2.000"),
                new BigDecimal("158.25"), new BigDecimal("20.00"), new BigDecimal("316.5"), new BigDecimal("63.30"),
                new BigDecimal("379.80"));
        InvoiceLine lokum = new InvoiceLine(LineKind.PRODUCT, "Lokum Çeşitleri 500 g", "LK-500", BigDecimal.ONE,
                new BigDecimal("340.73"), new BigDecimal("20"), new BigDecimal("340.73"), new BigDecimal("68.15"),
                new BigDecimal("408.88"));
        return new Invoice(32L, "32", "WOO", 42L, "WOO2025000000042", LocalDate.of(2025, 1, 7), "TRY", null,
                documentedCustomer(), List.of(coffee, lokum), new BigDecimal("657.23"),
                List.of(new TaxSummary(new BigDecimal("20"), new BigDecimal("657.23"), new BigDecimal("131.45"))),
                new BigDecimal("131.45"), new BigDecimal("788.68"), "WooCommerce sipariş #32");
    }

    /** The first fenced JSON block after the given heading of docs/cari-api.md. */
    static String documentedJson(String heading) {
        String doc = contractDocument();
        int at = doc.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException("docs/cari-api.md has no heading " + heading);
        }
        int start = doc.indexOf("```json", at) + "```json".length();
        int end = doc.indexOf("```", start);
        return doc.substring(start, end);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    static MockResponse hata(int status, String kod, String mesaj) {
        return json(status, "{\"hata\":{\"kod\":\"" + kod + "\",\"mesaj\":\"" + mesaj + "\"}}");
    }

    private static String contractDocument() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/cari-api.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/cari-api.md not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(dir.resolve("docs/cari-api.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
