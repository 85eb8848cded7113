package com.caricomtr.sandbox;

import java.util.List;
import java.util.Optional;

import com.caricomtr.sandbox.admin.AdminService;
import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.api.ConnectionTestService;
import com.caricomtr.sandbox.api.CustomerService;
import com.caricomtr.sandbox.api.InvoiceService;
import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.store.Companies;
import com.caricomtr.sandbox.store.DataFile;
import com.caricomtr.sandbox.store.Ledger;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.caricomtr.sandbox.traffic.RequestLog;
import com.caricomtr.sandbox.traffic.RequestRecord;
import com.caricomtr.sandbox.traffic.TrafficStats;
import com.caricomtr.sandbox.web.ApiErrors;
import com.caricomtr.sandbox.web.ApiResponder;
import com.caricomtr.sandbox.web.Authenticator;
import com.caricomtr.sandbox.web.FaultFilter;
import com.caricomtr.sandbox.web.JsonEndpoint;
import com.caricomtr.sandbox.web.Pauses;
import com.caricomtr.sandbox.web.TrafficFilter;
import io.helidon.webserver.http.HttpRouting;

/**
 * The sandbox without its server: state, faults, records and the routing that serves them. {@link CariSandbox} puts
 * it behind a web server; {@code @ServerTest} tests hand {@link #routing} to theirs.
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxOptions options;
    private final Companies companies;
    private final Ledger ledger;
    private final DataFile dataFile;
    private final FaultInjector faults;
    private final RequestLog requestLog;
    private final TrafficStats traffic = new TrafficStats();
    private final Pauses pauses = new Pauses();

    private Sandbox(SandboxOptions options) {
        this.options = options;
        this.companies = new Companies(options.companies());
        this.ledger = new Ledger(options.acceptDuplicateCustomerKeys());
        this.faults = new FaultInjector(options.faults());
        this.faults.script(options.faultScript());
        this.requestLog = new RequestLog(options.requestLogSize());
        this.dataFile = options.dataFileIfAny().map(path -> DataFile.attach(path, ledger)).orElse(null);
    }

    /** Builds the state; loads the data file when one is configured. */
    public static Sandbox create(SandboxOptions options) {
        return new Sandbox(options);
    }

    /** Registers the filters, the Cari API under {@code /api} and the admin endpoints under {@code /_sandbox}. */
    public void routing(HttpRouting.Builder routing) {
        ApiResponder responder = new ApiResponder(pauses);
        Authenticator authenticator = new Authenticator(companies);
        routing.addFilter(new TrafficFilter(requestLog, traffic))
                .addFilter(new FaultFilter(faults, responder, pauses))
                .register("/api",
                        new ConnectionTestService(authenticator, responder),
                        new CustomerService(authenticator, responder, ledger, faults),
                        new InvoiceService(authenticator, responder, ledger, faults, traffic))
                .register("/_sandbox", new AdminService(ledger, faults, requestLog, traffic, this::reset,
                        options.allowRemoteAdmin()))
                // Anything else under /api answers like Cari would, not with Helidon's plain-text 404.
                .any("/api", JsonEndpoint.handler(responder, request -> {
                    throw ApiErrors.notFound("Kaynak bulunamadı");
                }))
                .any("/api/*", JsonEndpoint.handler(responder, request -> {
                    throw ApiErrors.notFound("Kaynak bulunamadı: " + request.prologue().method().text() + " "
                            + request.path().path());
                }));
    }

    public SandboxOptions options() {
        return options;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** All accepted invoices of all companies, oldest first. */
    public List<StoredInvoice> invoices() {
        return ledger.invoices();
    }

    /** How many invoices are stored; cheap enough to poll while something is being measured. */
    public long invoiceCount() {
        return ledger.invoiceCount();
    }

    /** All customers of all companies, oldest first. */
    public List<StoredCustomer> customers() {
        return ledger.customers();
    }

    /** The last {@code limit} API requests, oldest first. */
    public List<RequestRecord> requests(int limit) {
        return requestLog.recent(limit);
    }

    public SandboxStats stats() {
        return SandboxStats.of(ledger, traffic, faults);
    }

    public Optional<java.nio.file.Path> dataFile() {
        return Optional.ofNullable(dataFile).map(DataFile::path);
    }

    /**
     * Forgets customers, invoices, requests and counters; faults return to the start settings. Requests held by a
     * timeout fault are released, and nothing they do afterwards is counted.
     */
    public void reset() {
        traffic.reset();
        pauses.releaseCurrent();
        ledger.clear();
        requestLog.clear();
        faults.reset();
        faults.script(options.faultScript());
    }

    /** Releases held requests; the server, if any, is stopped by its owner. */
    @Override
    public void close() {
        pauses.endAll();
    }
}
