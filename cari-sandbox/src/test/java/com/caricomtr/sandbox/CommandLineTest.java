package com.caricomtr.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.caricomtr.sandbox.faults.StoreThenFail;
import com.caricomtr.sandbox.faults.TimeoutThen;
import com.caricomtr.sandbox.store.Company;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code cari-sandbox.yaml} and the command-line overrides of {@link Main}. */
class CommandLineTest {
    @TempDir
    Path dir;

    private static SandboxOptions options(String... args) {
        CommandLine line = CommandLine.parse(args);
        return line.applyTo(SandboxOptions.fromConfig(Main.config(line.configFile()))).build();
    }

    @Test
    void builtInConfigGivesPort8089AndTheDemoCompanyWithoutFaults() {
        SandboxOptions options = options();

        assertThat(options.port()).isEqualTo(8089);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.companies()).containsExactly(Company.DEMO);
        assertThat(options.dataFile()).isNull();
        assertThat(options.allowRemoteAdmin()).isFalse();
        assertThat(options.acceptDuplicateCustomerKeys()).isFalse();
        assertThat(options.faults().errorRate()).isZero();
        assertThat(options.faults().seed()).isEqualTo(42);
    }

    @Test
    void everyFlagOverridesItsSetting() {
        SandboxOptions options = options("--port", "0", "--host=0.0.0.0", "--data-file", "/tmp/x.json",
                "--company", "ACME:acme-token:Acme A.Ş.", "--company=BETA:beta-token", "--allow-remote-admin",
                "--accept-duplicate-customer-keys",
                "--request-log-size", "50", "--seed", "7", "--latency-ms", "100-250", "--error-rate", "0.1",
                "--error-statuses", "500,503", "--timeout-rate", "0.05", "--hang-ms", "45000",
                "--timeout-then", "close", "--rate-limit-rate", "0.1", "--retry-after", "3", "--drop-rate", "0.05",
                "--store-then-fail-rate", "0.2", "--store-then-fail-with", "drop",
                "--fault-script", "drop, store-then-error");

        assertThat(options.port()).isZero();
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.dataFile()).isEqualTo(Path.of("/tmp/x.json"));
        assertThat(options.companies()).containsExactly(new Company("ACME", "acme-token", "Acme A.Ş."),
                new Company("BETA", "beta-token", "BETA"));
        assertThat(options.allowRemoteAdmin()).isTrue();
        assertThat(options.acceptDuplicateCustomerKeys()).isTrue();
        assertThat(options.requestLogSize()).isEqualTo(50);
        var f = options.faults();
        assertThat(f.seed()).isEqualTo(7);
        assertThat(f.latencyMinMs()).isEqualTo(100);
        assertThat(f.latencyMaxMs()).isEqualTo(250);
        assertThat(f.errorRate()).isEqualTo(0.1);
        assertThat(f.errorStatuses()).containsExactly(500, 503);
        assertThat(f.timeoutRate()).isEqualTo(0.05);
        assertThat(f.hangMs()).isEqualTo(45000);
        assertThat(f.timeoutThen()).isEqualTo(TimeoutThen.CLOSE);
        assertThat(f.rateLimitRate()).isEqualTo(0.1);
        assertThat(f.retryAfterSeconds()).isEqualTo(3);
        assertThat(f.dropRate()).isEqualTo(0.05);
        assertThat(f.storeThenFailRate()).isEqualTo(0.2);
        assertThat(f.storeThenFailWith()).isEqualTo(StoreThenFail.DROP);
        assertThat(options.faultScript()).containsExactly("drop", "store-then-error");
    }

    @Test
    void fixedLatency() {
        assertThat(options("--latency-ms", "80").faults().latencyMaxMs()).isEqualTo(80);
        assertThat(options("--latency-ms", "80").faults().latencyMinMs()).isEqualTo(80);
    }

    @Test
    void aConfigFileComesBeforeTheBuiltInOne() throws Exception {
        Path yaml = dir.resolve("sandbox.yaml");
        Files.writeString(yaml, """
                server:
                  port: 9100
                sandbox:
                  data-file: data/cari.json
                  accept-duplicate-customer-keys: true
                  companies:
                    - firma-kodu: FIRMA1
                      token: t1
                      name: "Firma Bir"
                  faults:
                    drop-rate: 0.25
                    script: [none, drop]
                """);

        SandboxOptions options = options("--config", yaml.toString());

        assertThat(options.port()).isEqualTo(9100);
        assertThat(options.dataFile()).isEqualTo(Path.of("data/cari.json"));
        assertThat(options.companies()).containsExactly(new Company("FIRMA1", "t1", "Firma Bir"));
        assertThat(options.faults().dropRate()).isEqualTo(0.25);
        assertThat(options.faults().hangMs()).isEqualTo(30000);
        assertThat(options.faultScript()).containsExactly("none", "drop");
        assertThat(options.acceptDuplicateCustomerKeys()).isTrue();
    }

    @Test
    void helpIsRecognised() {
        assertThat(CommandLine.parse("--help").help()).isTrue();
        assertThat(CommandLine.parse("-h").help()).isTrue();
        assertThat(CommandLine.USAGE).contains("--drop-rate", "--store-then-fail-rate", "--data-file");
    }

    @Test
    void mistakesAreReported() {
        assertThatThrownBy(() -> CommandLine.parse("--prot", "1")).hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> CommandLine.parse("--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLine.parse("8089")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> CommandLine.parse("--company", "DEMO")).hasMessageContaining("CODE:TOKEN");
        assertThatThrownBy(() -> options("--port", "eighty")).hasMessageContaining("--port");
        assertThatThrownBy(() -> options("--error-rate", "2")).hasMessageContaining("error-rate");
        assertThatThrownBy(() -> options("--drop-rate", "0.7", "--error-rate", "0.7"))
                .hasMessageContaining("add up");
        assertThatThrownBy(() -> options("--timeout-then", "wait")).hasMessageContaining("answer or close");
        assertThatThrownBy(() -> options("--fault-script", "boom")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void companiesMustBeDistinct() {
        assertThatThrownBy(() -> Sandbox.create(SandboxOptions.builder()
                .companies(List.of(Company.DEMO, Company.DEMO)).build()))
                .hasMessageContaining("configured twice");
    }
}
