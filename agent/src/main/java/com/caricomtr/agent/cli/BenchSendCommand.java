package com.caricomtr.agent.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariClient;
import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.cari.CariExchangeListener;
import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.CustomerMapper;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceMapper;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.MappingException;
import com.caricomtr.agent.sync.CustomerIds;
import com.caricomtr.agent.sync.ForeignInvoice;
import com.caricomtr.agent.sync.InvoiceDelivery;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.OrderStorage;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Maps N generated orders and sends them to the Cari sandbox with bounded concurrency; prints invoices/s and the
 * client-side latency of one delivery (customer + invoice), p50 and p99.
 */
@Command(name = "bench-send", mixinStandardHelpOptions = true,
        description = "Benchmark mapping and sending invoices to the Cari sandbox.")
public final class BenchSendCommand implements Callable<Integer> {
    @Option(names = "--orders", defaultValue = "5000", description = "Orders to send (default: ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--concurrency", defaultValue = "8",
            description = "Deliveries in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--cari-url", description = "A running sandbox's API base URL (default: start one in-process)")
    String cariUrl;

    @Override
    public Integer call() throws Exception {
        List<Order> loaded = generateOrders();
        InvoiceMapper invoices = new InvoiceMapper(InvoiceSettings.defaults());
        CustomerMapper customers = new CustomerMapper(InvoiceSettings.defaults());
        List<Invoice> mapped = new ArrayList<>();
        long mapStart = System.nanoTime();
        for (Order order : loaded) {
            try {
                customers.map(order);
                mapped.add(invoices.map(order));
            } catch (MappingException e) {
                System.out.println("not mapped: " + e.getMessage());
            }
        }
        double mapSeconds = (System.nanoTime() - mapStart) / 1e9;
        try (CariSandbox sandbox = cariUrl == null ? CariSandbox.start(SandboxOptions.builder().port(0).build()) : null;
             CariClient client = CariClient.create(CariSettings.of(cariUrl != null ? cariUrl : sandbox.baseUrl(),
                             "DEMO", "demo-token").withConnections(concurrency, Duration.ofSeconds(30), concurrency),
                     CariExchangeListener.NONE)) {
            warmUp(mapped.subList(0, Math.min(50, mapped.size())), client);
            if (sandbox != null) {
                sandbox.reset();
            }
            long[] latencies = new long[mapped.size()];
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            sendMeasured(mapped, client, latencies, failures);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "bench-send: %d cores, %d invoices, concurrency %d%n",
                    Runtime.getRuntime().availableProcessors(), mapped.size(), concurrency);
            System.out.printf(Locale.ROOT, "mapping: %.0f orders/s%n", mapped.size() / mapSeconds);
            System.out.printf(Locale.ROOT, "sending: %.0f invoices/s, latency p50 %.1f ms, p99 %.1f ms, failures %d%n",
                    mapped.size() / seconds, percentile(latencies, 50), percentile(latencies, 99), failures.get());
            if (sandbox != null) {
                System.out.println("sandbox: " + sandbox.stats().invoices() + " invoices stored, "
                        + sandbox.stats().rejections() + " rejected");
            }
        }
        return 0;
    }

    private List<Order> generateOrders() {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start()) {
            server.createDatabase("bench_send", true);
            DatabaseSettings db = DatabaseSettings.of(server.jdbcUrl("bench_send"), "root", "");
            try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
                DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, orders, 11);
                OrderReader reader = OrderReader.create(pool.dataSource(), TablePrefix.of("wp_"), OrderStorage.HPOS,
                        ReaderSettings.DEFAULTS);
                List<Order> all = new ArrayList<>();
                reader.readAll(r -> all.addAll(r.orders()));
                return all;
            }
        }
    }

    private void sendMeasured(List<Invoice> invoices, CariClient client, long[] latencies, AtomicInteger failures)
            throws InterruptedException {
        InvoiceDelivery delivery = new InvoiceDelivery(client, CustomerIds.inMemory());
        ConcurrentDeliveries.deliverAll(delivery, invoices, concurrency, (index, nanos, failure) -> {
            if (failure != null) {
                failures.incrementAndGet();
            }
            latencies[index] = nanos;
        });
    }

    /** Warms the JIT and the connection pool with the first invoices; the sandbox is reset afterwards. */
    private static void warmUp(List<Invoice> invoices, CariClient client) {
        InvoiceDelivery delivery = new InvoiceDelivery(client, CustomerIds.inMemory());
        for (Invoice invoice : invoices) {
            try {
                delivery.deliver(invoice, CariCallContext.NONE);
            } catch (CariException | ForeignInvoice e) {
                System.out.println("warm-up: " + e.getMessage());
            }
        }
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
