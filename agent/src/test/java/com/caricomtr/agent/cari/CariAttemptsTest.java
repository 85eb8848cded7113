package com.caricomtr.agent.cari;

import java.time.Duration;
import java.util.List;

import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.faults.FaultSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which failures are attempts ({@link CariException#isAttempt()}): a create Cari answered, or that went silent once
 * written, is one; a lookup is not, nor a request that never left the agent. Over real HTTP against the sandbox.
 */
class CariAttemptsTest {
    private static CariSandbox sandbox;
    private static CariClient client;
    private static String customerId;
    private static long nextSequence = 500;

    @BeforeAll
    static void start() throws CariException {
        sandbox = CariSandbox.start(SandboxOptions.builder().port(0)
                .faults(FaultSettings.builder().hangMs(1500).build()).build());
        client = CariClient.create(CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)));
        customerId = client.createCustomer(CariFixtures.documentedCustomer()).id();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void noFaults() {
        sandbox.faults().script(List.of());
    }

    @Test
    void aCreateAnsweredWithAServerErrorIsAnAttempt() {
        CariException e = failCreate("error-503");
        assertThat(e.requestWritten()).isTrue();
        assertThat(e.isAttempt()).isTrue();
    }

    @Test
    void aCreateThatTimedOutOnceWrittenIsAnAttempt() {
        CariException e = failCreate("timeout-answer");
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.requestWritten()).isTrue();
        assertThat(e.isAttempt()).isTrue();
    }

    @Test
    void aCreateWhoseConnectionDroppedOnceWrittenIsAnAttempt() {
        CariException e = failCreate("drop");
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.isAttempt()).as("Cari may have stored it").isTrue();
    }

    @Test
    void aFailedLookupIsNotAnAttempt() {
        sandbox.faults().script(List.of("error-500"));
        CariException e = catchThrowableOfType(CariException.class,
                () -> client.findInvoice("WOO", "WOO2025000000001"));
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.requestWritten()).isTrue();
        assertThat(e.isAttempt()).isFalse();
    }

    @Test
    void aRequestThatNeverLeftTheAgentIsNotAnAttempt() {
        try (CariClient refused = CariClient.create(CariSettings.of("http://127.0.0.1:1/api", "DEMO", "demo-token"))) {
            CariException e = catchThrowableOfType(CariException.class,
                    () -> refused.createInvoice(nextInvoice(), customerId));
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.requestWritten()).isFalse();
            assertThat(e.isAttempt()).isFalse();
        }
    }

    @Test
    void unsendableDataIsNotAnAttempt() {
        Invoice doc = nextInvoice();
        Invoice broken = new Invoice(doc.orderId(), doc.orderNumber(), doc.series(), doc.sequence(), doc.number(),
                doc.issueDate(), doc.currency(), doc.exchangeRate(), doc.customer(), doc.lines(), doc.subtotal(),
                doc.taxes(), doc.taxTotal(), new java.math.BigDecimal("788.685"), doc.note());
        CariException e = catchThrowableOfType(CariException.class, () -> client.createInvoice(broken, customerId));
        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.isAttempt()).isFalse();
    }

    private static CariException failCreate(String fault) {
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
