package com.caricomtr.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An agent in its own JVM ({@code Main serve}), as in production: what "two agents" means in a test. */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve --no-polling} on the configuration; its output goes to {@code target/<agentId>.log}. */
    static ServeProcess start(Path config, String agentId) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", agentId + ".log");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "com.caricomtr.agent.Main", "serve", "--config", config.toString(), "--no-polling",
                "--agent-id", agentId)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServeProcess(process, log);
    }

    /** Waits until the agent has started its sync and its API (it prints "listening on"). */
    void awaitServing(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("agent exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("listening on")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("agent did not start within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
