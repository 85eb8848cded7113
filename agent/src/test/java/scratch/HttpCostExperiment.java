package scratch;

import java.net.URI;
import java.net.http.*;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;
import com.caricomtr.agent.cari.*;
import com.caricomtr.sandbox.*;

class HttpCostExperiment {
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }

    @Test
    void run() throws Exception {
        try (CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build());
             CariClient client = CariClient.create(CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token").withConnections(16, java.time.Duration.ofSeconds(30), 16))) {
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int round = 0; round < 3; round++) {
                measure("okhttp testConnection x8", 8, 4000, () -> { client.testConnection(); return null; });
                measure("jdk GET /health-ish x8", 8, 4000, () -> { jdk.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/baglanti-testi")).header("Authorization", "Bearer demo-token").header("X-Firma-Kodu", "DEMO").build(), HttpResponse.BodyHandlers.ofString()); return null; });
                measure("okhttp findCustomer x8", 8, 4000, () -> { client.findCustomer("nobody-" + ThreadLocalRandom.current().nextInt()); return null; });
            }
        }
    }

    void measure(String name, int threads, int n, Callable<Void> call) throws Exception {
        long c0 = cpu(), t0 = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore s = new Semaphore(threads);
            for (int i = 0; i < n; i++) {
                s.acquire();
                ex.submit(() -> { try { call.call(); } catch (Exception e) { e.printStackTrace(); } finally { s.release(); } return null; });
            }
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-28s %7.0f calls/s  CPU %6.0f us/call%n", name, n / sec, (cpu() - c0) / 1e3 / n);
    }
}
