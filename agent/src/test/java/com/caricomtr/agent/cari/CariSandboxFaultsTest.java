package com.caricomtr.agent.cari;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.CustomerType;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.store.Company;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each fault the sandbox injects, seen through the real client over real HTTP, lands in the right class; and no
 * logged line ever holds the firma kodu or the token.
 */
class CariSandboxFaultsTest {
    private static final String FIRMA_KODU = "GIZLI-FIRMA-4711";
    private static final String TOKEN = "tok_live+9f8e/7d6c5b4a3f2e1d";
    private static final List<String> LOG_LINES = new CopyOnWriteArrayList<>();
    private static final Logger EXCHANGE_LOG = Logger.getLogger(LoggingExchangeListener.LOGGER_NAME);
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOG_LINES.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static CariSandbox sandbox;
    private static CariClient client;
    private static String customerId;
    private static long nextSequence = 100;

    @BeforeAll
    static void start() throws CariException {
        EXCHANGE_LOG.addHandler(CAPTURE);
        EXCHANGE_LOG.setLevel(Level.ALL);
        sandbox = CariSandbox.start(SandboxOptions.builder().port(0)
                .addCompany(new Company(FIRMA_KODU, TOKEN, "Gizli Ltd."))
                .faults(FaultSettings.builder().hangMs(1500).retryAfterSeconds(7).build())
                .build());
        client = CariClient.create(CariSettings.of(sandbox.baseUrl(), FIRMA_KODU, TOKEN)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)));
        customerId = client.createCustomer(CariFixtures.documentedCustomer()).id();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
        EXCHANGE_LOG.removeHandler(CAPTURE);
    }

    @BeforeEach
    void noFaults() {
        sandbox.faults().script(List.of());
    }

    @AfterEach
    void noSecretInAnyLoggedLine() {
        assertThat(LOG_LINES).isNotEmpty();
        assertThat(LOG_LINES).allSatisfy(line -> assertThat(line).doesNotContain(FIRMA_KODU).doesNotContain(TOKEN)
                .doesNotContain(TOKEN.replace("/", "\\/")));
    }

    @Test
    void serverErrorIsRetryableWithItsStatus() {
        CariException e = failInvoice("error-503");
        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).hasValue(503);
    }

    @Test
    void rateLimitIsRetryableAfterTheGivenDelay() {
        CariException e = failInvoice("rate-limit");
        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void droppedConnectionIsRetryableWithoutStatus() {
        CariException e = failInvoice("drop");
        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void timeoutIsRetryableWithoutStatus() {
        CariException e = failInvoice("timeout-close");
        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void storedThenFailedIsRetryableAndTheResendIsAConflictWithTheStoredId() throws CariException {
        Invoice invoice = nextInvoice();
        sandbox.faults().script(List.of("store-then-error"));
        CariException first = catchThrowableOfType(CariException.class,
                () -> client.createInvoice(invoice, customerId));
        assertThat(first.failureClass()).isEqualTo(FailureClass.RETRYABLE);

        CariException again = catchThrowableOfType(CariException.class,
                () -> client.createInvoice(invoice, customerId));
        assertThat(again.failureClass()).isEqualTo(FailureClass.CONFLICT);
        assertThat(again.existingInvoiceId()).hasValue(client.findInvoice(invoice.series(), invoice.number())
                .orElseThrow().id());
    }

    @Test
    void validationErrorIsPermanentWithCarisMessageAndField() {
        CustomerRecord badVkn = new CustomerRecord("vkn:1234567891", CustomerType.COMPANY, "Test", "Test Ltd.",
                "1234567891", "Kadıköy", "Adres", "Kadıköy", "İstanbul", "34710", "TR", "a@example.test", "");
        CariException e = catchThrowableOfType(CariException.class, () -> client.createCustomer(badVkn));
        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.httpStatus()).hasValue(422);
        assertThat(e.fieldErrors()).extracting(CariFieldError::field).contains("cari.vergi_no");
        assertThat(e.getMessage()).contains("cari.vergi_no");
    }

    @Test
    void wrongCredentialsArePermanent() {
        try (CariClient wrong = CariClient.create(CariSettings.of(sandbox.baseUrl(), FIRMA_KODU, TOKEN + "x"))) {
            CariException e = catchThrowableOfType(CariException.class, wrong::testConnection);
            assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
            assertThat(e.httpStatus()).hasValue(401);
        }
    }

    @Test
    void resendIsAConflictNamingTheExistingInvoice() throws CariException {
        Invoice invoice = nextInvoice();
        CariInvoiceRef created = client.createInvoice(invoice, customerId);
        CariException e = catchThrowableOfType(CariException.class, () -> client.createInvoice(invoice, customerId));
        assertThat(e.failureClass()).isEqualTo(FailureClass.CONFLICT);
        assertThat(e.existingInvoiceId()).hasValue(created.id());
    }

    @Test
    void connectionTestAnswersWithTheCompany() throws CariException {
        assertThat(client.testConnection().firmaAdi()).isEqualTo("Gizli Ltd.");
    }

    private static CariException failInvoice(String fault) {
        Invoice invoice = nextInvoice();
        sandbox.faults().script(List.of(fault));
        return catchThrowableOfType(CariException.class, () -> client.createInvoice(invoice, customerId));
    }

    private static synchronized Invoice nextInvoice() {
        Invoice doc = CariFixtures.documentedInvoice();
        long sequence = ++nextSequence;
        return new Invoice(doc.orderId(), doc.orderNumber(), doc.series(), sequence,
                String.format("%s%d%09d", doc.series(), doc.issueDate().getYear(), sequence), doc.issueDate(),
                doc.currency(), doc.exchangeRate(), doc.customer(), doc.lines(), doc.subtotal(), doc.taxes(),
                doc.taxTotal(), doc.grandTotal(), doc.note());
    }
}
