package com.caricomtr.agent.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The real WooCommerce databases in {@code ../shared/fixtures/woocommerce}. They are read from there, never copied
 * into the project; where {@code ../shared} is absent the tests that need them skip with a visible message.
 */
public final class SharedFixtures {
    /** The three small dumps; {@code hpos_bulk} is separate because it is large. */
    public static final List<String> SMALL = List.of("hpos", "hpos_sync", "legacy");
    public static final List<String> ALL = List.of("hpos", "hpos_sync", "legacy", "hpos_bulk");

    private SharedFixtures() {
    }

    public static Path directory() {
        String configured = System.getProperty("caricomtr.shared.dir");
        Path shared = configured != null && Files.isDirectory(Path.of(configured, "fixtures"))
                ? Path.of(configured) : findUpwards();
        return shared.resolve("fixtures").resolve("woocommerce").normalize();
    }

    public static boolean present() {
        return Files.isDirectory(directory());
    }

    /** The dump's path; skips the calling test, saying why, when it is not there. */
    public static Path dump(String name) {
        Path dump = directory().resolve(name + ".sql.gz");
        if (!Files.isRegularFile(dump)) {
            String why = "SKIPPED: WooCommerce fixture " + dump + " is absent (../shared not present)";
            System.err.println(why);
            Assumptions.abort(why);
        }
        return dump;
    }

    private static Path findUpwards() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("../shared/fixtures"))) {
                return dir.resolve("../shared");
            }
            dir = dir.getParent();
        }
        return Path.of("../shared");
    }
}
