package com.caricomtr.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code serve} as a real agent process on this test JVM's class path, for tests that kill, restart or watch it
 * start: its output goes to {@code target/<name>.log}.
 */
final class AgentProcesses {
    private AgentProcesses() {
    }

    static Path writeConfig(String yaml) throws IOException {
        Path file = Files.createTempFile("agent", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, yaml);
        return file;
    }

    static Process start(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "com.caricomtr.agent.Main", "serve", "--config", config.toString(), "--no-polling",
                "--agent-id", name));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile())
                .start();
    }

    static Path log(String name) {
        return Path.of("target", name + ".log");
    }
}
