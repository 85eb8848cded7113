package com.caricomtr.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The support commands' benchmark: {@code orders} and {@code dry-run} over whole generated shops, each in its own
 * process with the agent's production JVM flags and its output thrown away, and prints the process's peak RSS and
 * its CPU per order. They stream, so the peak must not grow with the shop: the bar is 256 MB at 20,000 and at
 * 100,000 orders. A command that prints figures, not a timed test.
 */
@Command(name = "bench-support", mixinStandardHelpOptions = true,
        description = "Benchmark the orders and dry-run commands on large generated shops: peak RSS, CPU per order.")
public final class BenchSupportCommand implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", defaultValue = "20000,100000",
            description = "Orders in each generated shop (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "bench-support: %d cores; each command in its own JVM (%s), output"
                + " discarded%n", Runtime.getRuntime().availableProcessors(), String.join(" ", AgentJvm.flags()));
        System.out.printf(Locale.ROOT, "%-10s %9s %10s %13s %16s%n", "command", "orders", "seconds", "peak RSS MB",
                "CPU µs/order");
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start()) {
            for (int size : sizes) {
                String name = "support" + size;
                server.createDatabase(name, true);
                DatabaseSettings db = DatabaseSettings.of(server.jdbcUrl(name), "root", "");
                try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
                    DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, size, 11);
                }
                for (String command : List.of("orders", "dry-run")) {
                    measure(command, db, size);
                }
            }
        }
        return 0;
    }

    private static void measure(String command, DatabaseSettings db, int orders) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        args.addAll(AgentJvm.flags());
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.caricomtr.agent.Main", command,
                "--db-url", db.jdbcUrl(), "--db-user", db.user(), "--db-password", db.password()));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // The high-water mark and the CPU are read while the process lives: both are gone with it.
        long peakKb = 0;
        long cpuTicks = 0;
        while (process.isAlive()) {
            peakKb = Math.max(peakKb, statusKb(process.pid(), "VmHWM"));
            cpuTicks = Math.max(cpuTicks, cpuTicks(process.pid()));
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int exit = process.waitFor();
        double cpuMicrosPerOrder = cpuTicks * (1_000_000.0 / 100) / orders;
        System.out.printf(Locale.ROOT, "%-10s %,9d %10.1f %13.0f %16.0f%s%n", command, orders, seconds,
                peakKb / 1024.0, cpuMicrosPerOrder, exit == 0 || exit == 3 ? "" : "  (exit " + exit + ")");
    }

    /** A {@code kB} line of {@code /proc/<pid>/status}; 0 once the process is gone. */
    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    /** User and system CPU of the process in clock ticks (100 per second on Linux); 0 once it is gone. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
