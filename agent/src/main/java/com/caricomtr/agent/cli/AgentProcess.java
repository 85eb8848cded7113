package com.caricomtr.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} in its own JVM with the agent's production flags ({@link AgentJvm#FLAGS}), for benchmarks that must
 * measure the agent alone: its memory, its CPU.
 */
final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final Path config;

    private AgentProcess(Process process, Path config) {
        this.process = process;
        this.config = config;
    }

    /** Starts the agent on the given YAML configuration; its output is discarded. */
    static AgentProcess start(String yaml) throws IOException {
        Path config = Files.createTempFile("bench-agent", ".yaml");
        Files.writeString(config, yaml);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(AgentJvm.flags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.caricomtr.agent.Main", "serve",
                "--config", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new AgentProcess(process, config);
    }

    /** CPU the process has used so far. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The {@code VmRSS} line of {@code /proc/<pid>/status}. */
    String rss() throws IOException {
        String status = Files.readString(Path.of("/proc/" + process.pid() + "/status"));
        return status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?")
                .replaceAll("\\s+", " ");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(config);
    }
}
