package com.caricomtr.sandbox;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.caricomtr.sandbox.store.Company;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.http.HttpRouting;

/**
 * Starts the sandbox from {@code cari-sandbox.yaml} and the command line:
 * {@code java -jar cari-sandbox/target/cari-sandbox.jar --port 8089}.
 *
 * <p>The configuration is not called {@code application.yaml} on purpose: the agent has this jar on its classpath, and
 * Helidon reads the first {@code application.yaml} it finds there.
 */
public final class Main {
    static final String CONFIG_RESOURCE = "cari-sandbox.yaml";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LogConfig.configureRuntime();
        CommandLine line;
        SandboxOptions options;
        try {
            line = CommandLine.parse(args);
            if (line.help()) {
                System.out.print(CommandLine.USAGE);
                return;
            }
            options = line.applyTo(SandboxOptions.fromConfig(config(line.configFile()))).build();
        } catch (IllegalArgumentException e) {
            System.err.println("cari-sandbox: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
            return;
        }

        CariSandbox sandbox = CariSandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "cari-sandbox-shutdown"));
        System.out.println("Cari sandbox on " + sandbox.baseUrl() + "  (admin: " + sandbox.adminUrl() + ")");
        options.companies().forEach(c -> System.out.println("  company " + c.firmaKodu() + " / token "
                + Company.mask(c.token()) + " (" + c.name() + ")"));
        options.dataFileIfAny().ifPresent(path -> System.out.println("  data file " + path.toAbsolutePath()));
        stopped.await();
    }

    /** The routing of a sandbox built from {@code options}; used by {@code @ServerTest} tests. */
    public static Sandbox routing(HttpRouting.Builder routing, SandboxOptions options) {
        Sandbox sandbox = Sandbox.create(options);
        sandbox.routing(routing);
        return sandbox;
    }

    /** {@code file}, when given, over the built-in {@code cari-sandbox.yaml}. */
    static Config config(Optional<Path> file) {
        return file.map(path -> Config.create(ConfigSources.file(path), ConfigSources.classpath(CONFIG_RESOURCE)))
                .orElseGet(() -> Config.create(ConfigSources.classpath(CONFIG_RESOURCE)));
    }
}
