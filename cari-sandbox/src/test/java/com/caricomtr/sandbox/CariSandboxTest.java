package com.caricomtr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.faults.TimeoutThen;
import com.caricomtr.sandbox.store.Company;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process API used by the agent's tests, demo and benchmarks. */
class CariSandboxTest {
    @Test
    void startsOnARandomPortAndAnswersAtItsBaseUrl() throws Exception {
        long start = System.nanoTime();
        try (CariSandbox sandbox = CariSandbox.start()) {
            long startupMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("CariSandbox.start took " + startupMs + " ms");

            assertThat(sandbox.port()).isPositive();
            assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/api");
            assertThat(sandbox.adminUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/_sandbox");
            assertThat(sandbox.companies()).containsExactly(Company.DEMO);
            var reply = new JdkClient(URI.create(sandbox.baseUrl() + "/")).get("baglanti-testi");
            assertThat(reply.statusCode()).isEqualTo(200);
            // A generous bound for a loaded 2-core CI machine; it is a few hundred ms on an idle one.
            assertThat(startupMs).isLessThan(3_000);
        }
    }

    @Test
    void twoSandboxesRunSideBySide() {
        try (CariSandbox one = CariSandbox.start(); CariSandbox two = CariSandbox.start()) {
            assertThat(one.port()).isNotEqualTo(two.port());
        }
    }

    @Test
    void optionsSetCompaniesAndFaultsAtStart() throws Exception {
        SandboxOptions options = SandboxOptions.builder()
                .companies(java.util.List.of(new Company("DEMO", "demo-token", "Deneme A.Ş.")))
                .faults(FaultSettings.builder().rateLimitRate(1.0).retryAfterSeconds(2).build())
                .build();
        try (CariSandbox sandbox = CariSandbox.start(options)) {
            JdkClient http = new JdkClient(URI.create(sandbox.baseUrl() + "/"));

            assertThat(http.get("baglanti-testi").statusCode()).isEqualTo(429);
            sandbox.faults().update(FaultSettings.none());
            assertThat(JdkClient.json(http.get("baglanti-testi")).get("firma_adi").asText()).isEqualTo("Deneme A.Ş.");
            assertThat(sandbox.stats().faultsInjected()).containsEntry("rate_limit", 1L);
            assertThat(sandbox.requests(10)).hasSize(2);
        }
    }

    @Test
    void scriptedFaultsApplyInOrder() throws Exception {
        try (CariSandbox sandbox = CariSandbox.start()) {
            sandbox.faults().script(java.util.List.of("error-503", "none", "rate-limit"));
            JdkClient http = new JdkClient(URI.create(sandbox.baseUrl() + "/"));

            assertThat(http.get("baglanti-testi").statusCode()).isEqualTo(503);
            assertThat(http.get("baglanti-testi").statusCode()).isEqualTo(200);
            assertThat(http.get("baglanti-testi").statusCode()).isEqualTo(429);
            assertThat(http.get("baglanti-testi").statusCode()).isEqualTo(200);
            assertThat(sandbox.faults().pendingScript()).isEmpty();
        }
    }

    @Test
    void closeReleasesHeldRequestsAtOnce() throws Exception {
        CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder()
                .faults(FaultSettings.builder().timeoutRate(1.0).hangMs(60_000).timeoutThen(TimeoutThen.CLOSE).build())
                .build());
        JdkClient http = new JdkClient(URI.create(sandbox.baseUrl() + "/"));
        CompletableFuture<Throwable> held = CompletableFuture.supplyAsync(() -> {
            try {
                http.send("GET", "baglanti-testi", null, Duration.ofSeconds(30));
                return null;
            } catch (IOException | InterruptedException e) {
                return e;
            }
        });
        Thread.sleep(300);

        long start = System.nanoTime();
        sandbox.close();
        long closeMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(closeMs).isLessThan(10_000);
        assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
    }
}
