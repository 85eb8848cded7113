package com.caricomtr.sandbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.store.StoredInvoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data file: a round trip through a restart, and no torn file after {@code kill -9}. */
class PersistenceTest {
    @TempDir
    Path dir;

    private SandboxOptions withDataFile(Path file) {
        return SandboxOptions.builder().dataFile(file).build();
    }

    @Test
    void customersAndInvoicesSurviveARestart() throws Exception {
        Path file = dir.resolve("sub/cari.json");
        String invoiceId;
        try (CariSandbox first = CariSandbox.start(withDataFile(file))) {
            JdkClient http = new JdkClient(URI.create(first.baseUrl() + "/"));
            assertThat(http.post("cariler", Examples.docCustomer()).statusCode()).isEqualTo(201);
            HttpResponse<String> created = http.post("faturalar", Examples.invoice());
            invoiceId = JdkClient.json(created).at("/fatura/id").asText();
        }
        assertThat(file).exists();
        assertThat(dir.resolve("sub/cari.json.tmp")).doesNotExist();

        try (CariSandbox second = CariSandbox.start(withDataFile(file))) {
            JdkClient http = new JdkClient(URI.create(second.baseUrl() + "/"));
            assertThat(second.invoices()).extracting(StoredInvoice::id).containsExactly(invoiceId);
            assertThat(JdkClient.json(http.get("faturalar/" + invoiceId)).at("/fatura/genel_toplam").asText())
                    .isEqualTo("788.68");
            HttpResponse<String> resend = http.post("faturalar", Examples.invoice());
            assertThat(resend.statusCode()).isEqualTo(409);
            assertThat(JdkClient.json(resend).at("/hata/mevcut_id").asText()).isEqualTo(invoiceId);
            // Ids go on from where they were.
            HttpResponse<String> next = http.post("cariler", Examples.individual("12345678950"));
            assertThat(JdkClient.json(next).at("/cari/id").asText()).isEqualTo("C000002");
            assertThat(JdkClient.json(http.post("faturalar", Examples.invoice(43, "33"))).at("/fatura/id").asText())
                    .isEqualTo("F000002");
        }
    }

    @Test
    void theFileIsUpToDateBeforeTheAnswer() throws Exception {
        Path file = dir.resolve("cari.json");
        try (CariSandbox sandbox = CariSandbox.start(withDataFile(file))) {
            JdkClient http = new JdkClient(URI.create(sandbox.baseUrl() + "/"));
            http.post("cariler", Examples.docCustomer());
            http.post("faturalar", Examples.invoice());

            var saved = Json.parse(Files.readAllBytes(file));
            assertThat(saved.get("format").asText()).isEqualTo("cari-sandbox/1");
            assertThat(saved.get("customers")).hasSize(1);
            assertThat(saved.at("/invoices/0/id").asText()).isEqualTo("F000001");
            assertThat(saved.at("/invoices/0/fatura")).isEqualTo(Examples.fatura(Examples.invoice()));
        }
    }

    @Test
    void resetEmptiesTheFileToo() throws Exception {
        Path file = dir.resolve("cari.json");
        try (CariSandbox sandbox = CariSandbox.start(withDataFile(file))) {
            new JdkClient(URI.create(sandbox.baseUrl() + "/")).post("cariler", Examples.docCustomer());
            sandbox.reset();
        }
        try (CariSandbox sandbox = CariSandbox.start(withDataFile(file))) {
            assertThat(sandbox.customers()).isEmpty();
        }
    }

    @Test
    void anUnreadableFileStopsTheStartAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("cari.json");
        Files.writeString(file, "{\"format\": \"cari-sandbox/1\", \"customers\": [");

        assertThatThrownBy(() -> CariSandbox.start(withDataFile(file)))
                .hasMessageContaining("Cannot read the sandbox data file");
        assertThat(Files.readString(file)).isEqualTo("{\"format\": \"cari-sandbox/1\", \"customers\": [");
    }

    /**
     * A sandbox in its own JVM takes a stream of invoices and is killed with SIGKILL mid-stream. The file must still
     * parse, and hold every invoice the sandbox acknowledged with 201 before it died.
     */
    @Test
    void killMinus9LeavesAWholeFileWithEveryAcknowledgedInvoice() throws Exception {
        Path file = dir.resolve("cari.json");
        Process process = startInOwnJvm(file);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            URI api = URI.create(awaitBaseUrl(process) + "/");
            JdkClient http = new JdkClient(api);
            assertThat(http.post("cariler", Examples.docCustomer()).statusCode()).isEqualTo(201);

            AtomicBoolean killed = new AtomicBoolean();
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int sender = 0; sender < 4; sender++) {
                int first = 1 + sender * 10_000;
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int n = first; !killed.get(); n++) {
                        try {
                            HttpResponse<String> response = http.post("faturalar", Examples.invoice(n, "o" + n),
                                    Duration.ofSeconds(5));
                            if (response.statusCode() == 201) {
                                acknowledged.add(String.format("WOO2025%09d", n));
                            }
                        } catch (Exception e) {
                            return;
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            killed.set(true);
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
        } finally {
            process.destroyForcibly();
        }

        try (CariSandbox restarted = CariSandbox.start(withDataFile(file))) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            restarted.invoices().forEach(i -> stored.add(i.faturaNo()));
            assertThat(restarted.customers()).hasSize(1);
            assertThat(stored).containsAll(acknowledged);
        }
    }

    private Process startInOwnJvm(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--data-file", file.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static String awaitBaseUrl(Process process) throws Exception {
        Pattern started = Pattern.compile("Cari sandbox on (http://\\S+/api)");
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    Matcher matcher = started.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("The sandbox process ended without starting");
        });
        String baseUrl = url.get(30, TimeUnit.SECONDS);
        // Keep draining its output so that it never blocks on a full pipe.
        Thread.ofVirtual().start(() -> output.lines().forEach(line -> { }));
        return baseUrl;
    }
}
