package com.caricomtr.agent.wordpress;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The programs the bridge's tests run outside the JVM. Where one is missing the test is skipped with a visible
 * {@code SKIPPED:} line (CI installs them all: {@code .ci/run}).
 */
final class ExternalTools {
    private ExternalTools() {
    }

    /** The executable on the PATH, if any. */
    static Optional<Path> find(String name) {
        if (name.contains("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test unless every program is there. */
    static void require(String test, String... programs) {
        for (String program : programs) {
            if (find(program).isEmpty()) {
                skip(test + ": `" + program + "` is not installed (on Debian: .ci/run installs it)");
            }
        }
    }

    static void skip(String why) {
        String line = "SKIPPED: " + why;
        System.err.println(line);
        Assumptions.abort(line);
    }

    /** Chromium as Debian installs it, or {@code CARICOMTR_CHROMIUM}. */
    static Optional<Path> chromium() {
        String configured = System.getenv("CARICOMTR_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return find(configured);
        }
        return find("chromium").or(() -> find("chromium-browser"));
    }
}
