package com.caricomtr.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One invoice per {@code fatura_no} and company, whatever the client resends, and however fast. */
@ServerTest
class InvoiceConflictTest {
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.defaults());

    private final CariApi api;

    InvoiceConflictTest(Http1Client client) {
        this.api = new CariApi(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SANDBOX.routing(routing);
    }

    @BeforeEach
    void resetAndCreateTheDocCustomer() {
        SANDBOX.reset();
        api.post("/api/cariler", Examples.docCustomer());
    }

    @Test
    void resendIs409FaturaMevcutWithTheExistingId() {
        String id = api.post("/api/faturalar", Examples.invoice()).text("/fatura/id");

        CariApi.Reply again = api.post("/api/faturalar", Examples.invoice());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("FATURA_MEVCUT");
        assertThat(again.text("/hata/mevcut_id")).isEqualTo(id);
        assertThat(again.errorFields()).containsExactly("fatura.fatura_no");
        assertThat(SANDBOX.invoices()).hasSize(1);
        assertThat(SANDBOX.stats().conflicts()).isEqualTo(1);
        assertThat(SANDBOX.stats().conflictsWithDifferentContent()).isZero();
    }

    @Test
    void sameNumberWithOtherContentIsStill409AndIsCountedAsSuspicious() {
        String id = api.post("/api/faturalar", Examples.invoice()).text("/fatura/id");
        ObjectNode other = Examples.invoice();
        Examples.fatura(other).put("siparis_no", "33").put("aciklama", "WooCommerce sipariş #33");

        CariApi.Reply reply = api.post("/api/faturalar", other);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("/hata/mevcut_id")).isEqualTo(id);
        assertThat(SANDBOX.stats().conflictsWithDifferentContent()).isEqualTo(1);
        assertThat(SANDBOX.invoices().getFirst().siparisNo()).contains("32");
    }

    @Test
    void invalidResendIs422NotConflict() {
        api.post("/api/faturalar", Examples.invoice());
        ObjectNode broken = Examples.invoice();
        Examples.fatura(broken).put("genel_toplam", "0.00");

        assertThat(api.post("/api/faturalar", broken).status()).isEqualTo(422);
    }

    @Test
    void sameOrderUnderTwoNumbersIsReportedAsDoubleInvoicing() {
        String first = api.post("/api/faturalar", Examples.invoice(42, "32")).text("/fatura/id");
        String second = api.post("/api/faturalar", Examples.invoice(43, "32")).text("/fatura/id");
        api.post("/api/faturalar", Examples.invoice(44, "33"));

        assertThat(SANDBOX.stats().duplicateInvoiceNumbers()).isZero();
        assertThat(SANDBOX.stats().ordersInvoicedMoreThanOnce()).singleElement().satisfies(repeated -> {
            assertThat(repeated.firmaKodu()).isEqualTo("DEMO");
            assertThat(repeated.key()).isEqualTo("32");
            assertThat(repeated.ids()).containsExactly(first, second);
        });
    }

    @RepeatedTest(3)
    void concurrentIdenticalSendsStoreExactlyOneInvoice() throws Exception {
        int senders = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CariApi.Reply>> replies = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < senders; i++) {
                replies.add(executor.submit(() -> {
                    start.await();
                    return api.post("/api/faturalar", Examples.invoice());
                }));
            }
            start.countDown();
        }

        List<CariApi.Reply> answered = new ArrayList<>();
        for (Future<CariApi.Reply> reply : replies) {
            answered.add(reply.get());
        }
        List<CariApi.Reply> created = answered.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.getFirst().text("/fatura/id");
        assertThat(answered).filteredOn(r -> r.status() != 201).hasSize(senders - 1)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.text("/hata/mevcut_id")).isEqualTo(id);
                });
        assertThat(SANDBOX.invoices()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(id));
    }
}
