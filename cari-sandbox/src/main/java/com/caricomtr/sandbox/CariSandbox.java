package com.caricomtr.sandbox;

import java.util.List;

import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.store.Company;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.caricomtr.sandbox.traffic.RequestRecord;
import io.helidon.webserver.WebServer;

/**
 * A running Cari sandbox, for tests, demos and benchmarks in the same JVM:
 *
 * <pre>{@code
 * try (CariSandbox cari = CariSandbox.start(SandboxOptions.defaults())) {
 *     client = new CariClient(cari.baseUrl(), "DEMO", "demo-token");   // baseUrl() ends in /api
 *     cari.faults().update(FaultSettings.builder().dropRate(0.2).build());
 *     ...
 *     assertThat(cari.stats().ordersInvoicedMoreThanOnce()).isEmpty();
 * }
 * }</pre>
 */
public final class CariSandbox implements AutoCloseable {
    private final Sandbox sandbox;
    private final WebServer server;

    private CariSandbox(Sandbox sandbox, WebServer server) {
        this.sandbox = sandbox;
        this.server = server;
    }

    /** Starts a sandbox; with port 0 it takes a random free port. */
    public static CariSandbox start(SandboxOptions options) {
        Sandbox sandbox = Sandbox.create(options);
        try {
            WebServer server = WebServer.builder()
                    .host(options.host())
                    .port(options.port())
                    // The owner closes the sandbox; many in-process sandboxes must not each hook JVM shutdown.
                    .shutdownHook(false)
                    // The sandbox reads and writes JSON bytes itself and needs no server features. Skipping their
                    // discovery halves the first start, and keeps features the host application has on its
                    // classpath (metrics, security, ...) off the sandbox.
                    .featuresDiscoverServices(false)
                    .mediaContext(media -> media.mediaSupportsDiscoverServices(false))
                    .routing(sandbox::routing)
                    .build()
                    .start();
            return new CariSandbox(sandbox, server);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
    public static CariSandbox start() {
        return start(SandboxOptions.defaults());
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>/api}: what the agent's {@code cari.base-url} should be. */
    public String baseUrl() {
        return rootUrl() + "/api";
    }

    /** {@code http://127.0.0.1:<port>/_sandbox}. */
    public String adminUrl() {
        return rootUrl() + "/_sandbox";
    }

    private String rootUrl() {
        String host = sandbox.options().host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public List<Company> companies() {
        return sandbox.options().companies();
    }

    /** Change faults while running: {@code update(...)}, {@code script(...)}, {@code injectedCounts()}. */
    public FaultInjector faults() {
        return sandbox.faults();
    }

    public List<StoredInvoice> invoices() {
        return sandbox.invoices();
    }

    /** How many invoices are stored; cheap enough to poll while something is being measured. */
    public long invoiceCount() {
        return sandbox.invoiceCount();
    }

    public List<StoredCustomer> customers() {
        return sandbox.customers();
    }

    public List<RequestRecord> requests(int limit) {
        return sandbox.requests(limit);
    }

    public SandboxStats stats() {
        return sandbox.stats();
    }

    public void reset() {
        sandbox.reset();
    }

    /** The sandbox core, e.g. for its data file path. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** Stops the server; held requests are released first so that stopping is quick. */
    @Override
    public void close() {
        sandbox.close();
        server.stop();
    }
}
