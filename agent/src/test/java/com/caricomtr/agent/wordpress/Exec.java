package com.caricomtr.agent.wordpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to its end: its output (stdout and stderr together) goes to a log file, read back afterwards, so
 * that a chatty program never blocks on a full pipe.
 */
final class Exec {
    private final List<String> command;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path dir;
    private Duration timeout = Duration.ofMinutes(5);
    private Path log;

    private Exec(List<String> command) {
        this.command = command;
    }

    static Exec command(Object... parts) {
        List<String> command = new ArrayList<>();
        for (Object part : parts) {
            command.add(part.toString());
        }
        return new Exec(command);
    }

    Exec dir(Path dir) {
        this.dir = dir;
        return this;
    }

    Exec env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    Exec env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Exec timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    Exec log(Path log) {
        this.log = log;
        return this;
    }

    record Result(List<String> command, int exitCode, String output, Duration took, Path log) {
        /** The last lines of the output, for a failure message. */
        String tail(int lines) {
            String[] all = output.split("\n", -1);
            return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
        }

        double seconds() {
            return took.toMillis() / 1000.0;
        }
    }

    Result run() throws IOException, InterruptedException {
        Path out = log != null ? log : Files.createTempFile("exec", ".log");
        Files.createDirectories(out.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; output in " + out + ":\n" + Files.readString(out));
            }
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String output = Files.readString(out);
        if (log == null) {
            Files.deleteIfExists(out);
        }
        return new Result(command, process.exitValue(), output, took, log);
    }

    /** Runs it and fails with its output unless it exits with 0. */
    Result runChecked() throws IOException, InterruptedException {
        Result result = run();
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exitCode()
                    + (log != null ? " (log: " + log + ")" : "") + ":\n" + result.output());
        }
        return result;
    }

    /** Stops a process we started and the processes it started, by their ids. */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
