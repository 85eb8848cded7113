package com.caricomtr.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.faults.StoreThenFail;
import com.caricomtr.sandbox.faults.TimeoutThen;
import com.caricomtr.sandbox.store.Company;
import io.helidon.config.Config;

/**
 * How to run a sandbox. The defaults suit in-process use: a random free port on loopback, the demo company
 * ({@code DEMO} / {@code demo-token}), no data file, no faults.
 *
 * @param host             address to bind; {@code 127.0.0.1} unless there is a reason to be reachable from elsewhere
 * @param port             port, 0 for a random free one
 * @param dataFile         where to keep customers and invoices across restarts, or null for memory only
 * @param companies        the accounts the sandbox accepts
 * @param faults           fault injection at start
 * @param faultScript      scripted faults at start (see {@code ScriptedFault})
 * @param allowRemoteAdmin whether {@code /_sandbox} answers non-loopback clients
 * @param requestLogSize   how many recent API requests {@code /_sandbox/requests} keeps
 * @param acceptDuplicateCustomerKeys whether a second customer with a {@code dis_anahtar} the company already has is
 *                         stored (as a real Cari that does not refuse them might) instead of refused with 409
 *                         {@code CARI_MEVCUT}; tests use it to prove that the agent itself never makes one
 */
public record SandboxOptions(String host,
                             int port,
                             Path dataFile,
                             List<Company> companies,
                             FaultSettings faults,
                             List<String> faultScript,
                             boolean allowRemoteAdmin,
                             int requestLogSize,
                             boolean acceptDuplicateCustomerKeys) {
    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(faults, "faults");
        companies = List.copyOf(companies);
        faultScript = List.copyOf(faultScript);
        FaultInjector.checkScript(faultScript);
        if (companies.isEmpty()) {
            throw new IllegalArgumentException("at least one company is needed");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    public Optional<Path> dataFileIfAny() {
        return Optional.ofNullable(dataFile);
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).dataFile(dataFile).faults(faults).faultScript(faultScript)
                .allowRemoteAdmin(allowRemoteAdmin).requestLogSize(requestLogSize)
                .acceptDuplicateCustomerKeys(acceptDuplicateCustomerKeys);
        b.companies = new ArrayList<>(companies);
        return b;
    }

    /**
     * Reads the {@code sandbox} and {@code server} sections of a Helidon config (see {@code cari-sandbox.yaml}).
     * Whatever is not set keeps the default of {@link #defaults()}.
     */
    public static Builder fromConfig(Config root) {
        Builder b = builder();
        Config server = root.get("server");
        server.get("host").asString().ifPresent(b::host);
        server.get("port").asInt().ifPresent(b::port);
        Config sandbox = root.get("sandbox");
        sandbox.get("data-file").asString().filter(s -> !s.isBlank()).map(Path::of).ifPresent(b::dataFile);
        sandbox.get("admin.allow-remote").asBoolean().ifPresent(b::allowRemoteAdmin);
        sandbox.get("request-log-size").asInt().ifPresent(b::requestLogSize);
        sandbox.get("accept-duplicate-customer-keys").asBoolean().ifPresent(b::acceptDuplicateCustomerKeys);
        sandbox.get("companies").asNodeList().ifPresent(nodes -> {
            List<Company> companies = new ArrayList<>();
            for (Config node : nodes) {
                companies.add(new Company(node.get("firma-kodu").asString().get(), node.get("token").asString().get(),
                        node.get("name").asString().orElse(node.get("firma-kodu").asString().get())));
            }
            if (!companies.isEmpty()) {
                b.companies(companies);
            }
        });
        Config faults = sandbox.get("faults");
        FaultSettings.Builder f = FaultSettings.none().toBuilder();
        faults.get("seed").asLong().ifPresent(f::seed);
        int min = faults.get("latency-min-ms").asInt().orElse(faults.get("latency-ms").asInt().orElse(0));
        int max = faults.get("latency-max-ms").asInt().orElse(faults.get("latency-ms").asInt().orElse(min));
        f.latencyMs(min, max);
        faults.get("error-rate").asDouble().ifPresent(f::errorRate);
        faults.get("error-statuses").asList(Integer.class).ifPresent(f::errorStatuses);
        faults.get("timeout-rate").asDouble().ifPresent(f::timeoutRate);
        faults.get("hang-ms").asInt().ifPresent(f::hangMs);
        faults.get("timeout-then").asString().map(TimeoutThen::parse).ifPresent(f::timeoutThen);
        faults.get("rate-limit-rate").asDouble().ifPresent(f::rateLimitRate);
        faults.get("retry-after-seconds").asInt().ifPresent(f::retryAfterSeconds);
        faults.get("drop-rate").asDouble().ifPresent(f::dropRate);
        faults.get("store-then-fail-rate").asDouble().ifPresent(f::storeThenFailRate);
        faults.get("store-then-fail-with").asString().map(StoreThenFail::parse).ifPresent(f::storeThenFailWith);
        b.faults(f.build());
        faults.get("script").asList(String.class).ifPresent(b::faultScript);
        return b;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path dataFile;
        private List<Company> companies = new ArrayList<>(List.of(Company.DEMO));
        private FaultSettings faults = FaultSettings.none();
        private List<String> faultScript = List.of();
        private boolean allowRemoteAdmin;
        private int requestLogSize = 1000;
        private boolean acceptDuplicateCustomerKeys;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataFile(Path dataFile) {
            this.dataFile = dataFile;
            return this;
        }

        /** Replaces the companies (the demo company included). */
        public Builder companies(List<Company> companies) {
            this.companies = new ArrayList<>(companies);
            return this;
        }

        /** Adds a company next to those already set. */
        public Builder addCompany(Company company) {
            this.companies.add(company);
            return this;
        }

        public Builder faults(FaultSettings faults) {
            this.faults = faults;
            return this;
        }

        public Builder faultScript(List<String> script) {
            this.faultScript = List.copyOf(script);
            return this;
        }

        public Builder allowRemoteAdmin(boolean allow) {
            this.allowRemoteAdmin = allow;
            return this;
        }

        public Builder requestLogSize(int size) {
            this.requestLogSize = size;
            return this;
        }

        /** Store a second customer with a {@code dis_anahtar} the company already has, instead of refusing it. */
        public Builder acceptDuplicateCustomerKeys(boolean accept) {
            this.acceptDuplicateCustomerKeys = accept;
            return this;
        }

        public FaultSettings faults() {
            return faults;
        }

        public SandboxOptions build() {
            return new SandboxOptions(host, port, dataFile, companies, faults, faultScript, allowRemoteAdmin,
                    requestLogSize, acceptDuplicateCustomerKeys);
        }
    }
}
