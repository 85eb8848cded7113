package com.caricomtr.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's packages follow the data: woo reads WooCommerce, invoice maps, cari speaks the wire contract,
 * sync.state keeps the state, sync runs the queue, api serves the bridge; cli and Main wire them. A package may
 * import only packages at its own rank or below, so there is no import cycle. Checked on the sources' imports.
 */
class PackageOrderTest {
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("config", 0), Map.entry("db", 0), Map.entry("woo", 1), Map.entry("woo.php", 1), Map.entry("demo", 2),
            Map.entry("invoice", 2), Map.entry("cari", 3), Map.entry("sync.state", 4), Map.entry("sync", 5),
            Map.entry("api", 6), Map.entry("cli", 7), Map.entry("", 8));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.caricomtr\\.agent\\.((?:[a-z]+\\.)*)[A-Z]",
            Pattern.MULTILINE);
    private static final Path ROOT = Path.of("src/main/java/com/caricomtr/agent");

    @Test
    void everyImportPointsDownTheDataFlow() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = packageOf(ROOT.relativize(file.getParent() == null ? ROOT : file.getParent()));
                assertThat(RANK).as("rank of package '%s'", from).containsKey(from);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                    assertThat(RANK).as("rank of package '%s'", to).containsKey(to);
                    if (RANK.get(to) > RANK.get(from)) {
                        upward.add(ROOT.relativize(file) + " imports " + to);
                    }
                }
            }
        }
        assertThat(upward).isEmpty();
    }

    private static String packageOf(Path relative) {
        return relative.toString().replace('/', '.');
    }
}
