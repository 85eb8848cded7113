package com.caricomtr.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.cli.AgentJvm;

/**
 * An agent in its own JVM ({@code Main serve}, without polling unless asked), as in production: what "two agents",
 * "a crash" and "a restart" mean in a test. Its output goes to {@code target/<agentId>.log}.
 */
public final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** With a heap to spare for a test's extra work. */
    public static ServeProcess start(Path config, String agentId) throws IOException {
        return start(config, agentId, List.of("-Xmx256m"), false);
    }

    /** As {@link #start}, polling the shop for changed orders as a production agent does. */
    public static ServeProcess startPolling(Path config, String agentId) throws IOException {
        return start(config, agentId, List.of("-Xmx256m"), true);
    }

    /** With the agent's production JVM flags ({@link AgentJvm#flags()}): a small heap, C1 only. */
    public static ServeProcess startAsInProduction(Path config, String agentId) throws IOException {
        return start(config, agentId, AgentJvm.flags(), false);
    }

    private static ServeProcess start(Path config, String agentId, List<String> jvmFlags, boolean polling)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.caricomtr.agent.Main", "serve",
                "--config", config.toString(), "--agent-id", agentId));
        if (!polling) {
            command.add("--no-polling");
        }
        Path log = Path.of("target", agentId + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServeProcess(process, log);
    }

    public Process process() {
        return process;
    }

    /** What the agent printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public Path log() {
        return log;
    }

    /** Waits until the agent has started its sync and its API (it prints "listening on"). */
    public void awaitServing(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("agent exited with " + process.exitValue() + "; see " + log);
            }
            if (output().contains("listening on")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("agent did not start within " + timeout + "; see " + log);
    }

    /** SIGKILL: the agent gets no chance to finish anything, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
