package com.caricomtr.agent.cari;

import static com.caricomtr.agent.cari.CariFixtures.hata;
import static com.caricomtr.agent.cari.CariFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keep-alive and the dispatcher limit: one shared OkHttpClient, its pool and its concurrency cap. */
class CariConnectionReuseTest {
    private final MockWebServer server = new MockWebServer();
    private CariClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = CariClient.create(CariSettings.of(server.url("/api").toString(), CariFixtures.FIRMA_KODU,
                CariFixtures.API_TOKEN).withConnections(2, Duration.ofSeconds(30), 2), CariExchangeListener.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void sequentialCallsReuseOneConnection() throws Exception {
        server.enqueue(json(200, "{\"durum\":\"ok\",\"firma_kodu\":\"DEMO\",\"firma_adi\":\"Demo\"}"));
        server.enqueue(json(200, "{\"cariler\":[{\"id\":\"C1\"}]}"));
        server.enqueue(json(201, "{\"fatura\":{\"id\":\"F1\",\"fatura_no\":\"WOO2025000000042\"}}"));

        client.testConnection();
        client.findCustomer("vkn:6789123457");
        client.createInvoice(CariFixtures.documentedInvoice(), "C1");

        List<RecordedRequest> requests = List.of(take(), take(), take());
        assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
        assertThat(requests).extracting(RecordedRequest::getExchangeIndex).containsExactly(0, 1, 2);
        assertThat(client.transport().pooledConnectionCount()).isEqualTo(1);
    }

    @Test
    void anErrorAnswerDoesNotCostTheConnection() throws Exception {
        server.enqueue(json(200, "{\"cariler\":[]}"));
        server.enqueue(json(422, CariFixtures.documentedJson("## Errors")));
        server.enqueue(hata(409, "FATURA_MEVCUT", "kayıtlı"));
        server.enqueue(json(200, "{\"cariler\":[]}"));

        client.findCustomer("a");
        assertThatThrownBy(() -> client.createInvoice(CariFixtures.documentedInvoice(), "C1"))
                .isInstanceOf(CariException.class);
        assertThatThrownBy(() -> client.createInvoice(CariFixtures.documentedInvoice(), "C1"))
                .isInstanceOf(CariException.class);
        client.findCustomer("b");

        List<RecordedRequest> requests = List.of(take(), take(), take(), take());
        assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
        assertThat(requests).extracting(RecordedRequest::getExchangeIndex).containsExactly(0, 1, 2, 3);
    }

    @Test
    void concurrentCallersAreHeldToTheConfiguredLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(150);
                inFlight.decrementAndGet();
                return json(200, "{\"cariler\":[{\"id\":\"C1\"}]}");
            }
        });

        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                String key = "k" + i;
                calls.add(callers.submit(() -> client.findCustomer(key)));
            }
            for (Future<?> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isNotNull();
            }
        }

        assertThat(server.getRequestCount()).isEqualTo(8);
        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(client.transport().pooledConnectionCount()).isLessThanOrEqualTo(2);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }
}
