package com.caricomtr.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags the agent is meant to run with, read from {@value #OPTIONS_FILE}: the one file that
 * {@code scripts/agent.sh serve} and the Dockerfile's entrypoint pass to {@code java} as an {@code @argfile}, and
 * that the RSS and CPU benchmark's separate agent process starts with. The file says why these flags.
 */
public final class AgentJvm {
    /** A classpath resource, from {@code agent/src/main/resources/}. */
    public static final String OPTIONS_FILE = "agent-jvm.options";
    private static final List<String> FLAG_LIST = read();
    /** The flags separated by spaces, for printing. */
    public static final String FLAGS = String.join(" ", FLAG_LIST);

    private AgentJvm() {
    }

    /** The flags, in the file's order. */
    public static List<String> flags() {
        return FLAG_LIST;
    }

    /**
     * The arguments the {@code java} launcher makes of an argfile with plain flags: {@code #} starts a comment,
     * whitespace separates. Quotes and backslashes, which the launcher gives meanings of their own, are refused
     * rather than parsed differently.
     */
    static List<String> parse(String argfile) {
        List<String> flags = new ArrayList<>();
        for (String line : argfile.split("\\R")) {
            int comment = line.indexOf('#');
            String content = comment < 0 ? line : line.substring(0, comment);
            if (content.contains("\"") || content.contains("'") || content.contains("\\")) {
                throw new IllegalStateException(OPTIONS_FILE + " must hold plain flags, without quotes or"
                        + " backslashes: " + line);
            }
            for (String flag : content.trim().split("\\s+")) {
                if (!flag.isEmpty()) {
                    flags.add(flag);
                }
            }
        }
        return List.copyOf(flags);
    }

    private static List<String> read() {
        try (InputStream in = AgentJvm.class.getClassLoader().getResourceAsStream(OPTIONS_FILE)) {
            if (in == null) {
                throw new IllegalStateException(OPTIONS_FILE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
