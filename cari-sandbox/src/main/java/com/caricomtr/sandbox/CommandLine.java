package com.caricomtr.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.faults.StoreThenFail;
import com.caricomtr.sandbox.faults.TimeoutThen;
import com.caricomtr.sandbox.store.Company;

/** The command line: overrides of {@code cari-sandbox.yaml}, as {@code --name value} or {@code --name=value}. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar cari-sandbox.jar [options]

              --port N                    port to listen on (0 = random free port; default 8089)
              --host ADDRESS              address to bind (default 127.0.0.1)
              --data-file PATH            keep customers and invoices in this JSON file across restarts
              --company CODE:TOKEN[:NAME] accept this company; repeat for more (replaces the configured ones)
              --allow-remote-admin        let non-loopback clients use /_sandbox
              --accept-duplicate-customer-keys
                                          store a second customer with a dis_anahtar the company already has
                                          (default: refuse it with 409 CARI_MEVCUT)
              --request-log-size N        recent requests kept for /_sandbox/requests (default 1000)
              --config FILE               read this YAML file before the built-in cari-sandbox.yaml

            Fault injection on /api/** (rates are fractions of requests, 0..1, adding up to at most 1):
              --seed N                    seed of the fault sequence (default 42)
              --latency-ms N | MIN-MAX    added delay, fixed or drawn per request
              --error-rate F              answer 500/502/503
              --error-statuses LIST       statuses to choose from, e.g. 500,503
              --timeout-rate F            hold the request for --hang-ms
              --hang-ms N                 how long to hold (default 30000)
              --timeout-then answer|close after holding: answer (request processed) or close unprocessed
              --rate-limit-rate F         answer 429 with Retry-After
              --retry-after N             Retry-After seconds (default 1)
              --drop-rate F               close the connection without an answer
              --store-then-fail-rate F    store the invoice or customer, then fail (fraction of creations)
              --store-then-fail-with error|drop
              --fault-script LIST         exact faults for the next requests, e.g. drop,error-503,store-then-drop
                                          (customer-store-then-error|drop waits for the next customer creation)
              --help                      this text
            """;

    private static final Set<String> SWITCHES = Set.of("help", "allow-remote-admin",
            "accept-duplicate-customer-keys");
    private static final Set<String> OPTIONS = Set.of("port", "host", "data-file", "company", "request-log-size",
            "config", "seed", "latency-ms", "error-rate", "error-statuses", "timeout-rate", "hang-ms", "timeout-then",
            "rate-limit-rate", "retry-after", "drop-rate", "store-then-fail-rate", "store-then-fail-with",
            "fault-script");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Company> companies = new ArrayList<>();

    private CommandLine() {
    }

    /** @throws IllegalArgumentException for an unknown option or a missing value */
    static CommandLine parse(String... args) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (SWITCHES.contains(name)) {
                line.values.put(name, value == null ? "true" : value);
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (name.equals("company")) {
                line.companies.add(company(value));
            } else {
                line.values.put(name, value);
            }
        }
        return line;
    }

    boolean help() {
        return Boolean.parseBoolean(values.getOrDefault("help", "false"));
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(values.get("config")).map(Path::of);
    }

    /** Applies the options given on the command line on top of {@code builder}. */
    SandboxOptions.Builder applyTo(SandboxOptions.Builder builder) {
        ifSet("port", v -> builder.port(Integer.parseInt(v)));
        ifSet("host", builder::host);
        ifSet("data-file", v -> builder.dataFile(Path.of(v)));
        ifSet("allow-remote-admin", v -> builder.allowRemoteAdmin(Boolean.parseBoolean(v)));
        ifSet("request-log-size", v -> builder.requestLogSize(Integer.parseInt(v)));
        ifSet("accept-duplicate-customer-keys", v -> builder.acceptDuplicateCustomerKeys(Boolean.parseBoolean(v)));
        if (!companies.isEmpty()) {
            builder.companies(companies);
        }
        FaultSettings.Builder f = builder.faults().toBuilder();
        ifSet("seed", v -> f.seed(Long.parseLong(v)));
        ifSet("latency-ms", v -> {
            String[] range = v.split("-", 2);
            f.latencyMs(Integer.parseInt(range[0].trim()), Integer.parseInt(range[range.length - 1].trim()));
        });
        ifSet("error-rate", v -> f.errorRate(Double.parseDouble(v)));
        ifSet("error-statuses", v -> f.errorStatuses(Arrays.stream(v.split(","))
                .map(String::trim).map(Integer::parseInt).toList()));
        ifSet("timeout-rate", v -> f.timeoutRate(Double.parseDouble(v)));
        ifSet("hang-ms", v -> f.hangMs(Integer.parseInt(v)));
        ifSet("timeout-then", v -> f.timeoutThen(TimeoutThen.parse(v)));
        ifSet("rate-limit-rate", v -> f.rateLimitRate(Double.parseDouble(v)));
        ifSet("retry-after", v -> f.retryAfterSeconds(Integer.parseInt(v)));
        ifSet("drop-rate", v -> f.dropRate(Double.parseDouble(v)));
        ifSet("store-then-fail-rate", v -> f.storeThenFailRate(Double.parseDouble(v)));
        ifSet("store-then-fail-with", v -> f.storeThenFailWith(StoreThenFail.parse(v)));
        builder.faults(f.build());
        ifSet("fault-script", v -> builder.faultScript(Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        return builder;
    }

    private void ifSet(String name, java.util.function.Consumer<String> action) {
        String value = values.get(name);
        if (value != null) {
            try {
                action.accept(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": not a number: \"" + value + "\"");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
            }
        }
    }

    /** {@code CODE:TOKEN} or {@code CODE:TOKEN:Display Name}. */
    private static Company company(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("--company needs CODE:TOKEN[:NAME], got \"" + value + "\"");
        }
        return new Company(parts[0], parts[1], parts.length == 3 ? parts[2] : parts[0]);
    }
}
