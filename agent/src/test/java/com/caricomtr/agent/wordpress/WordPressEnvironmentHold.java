package com.caricomtr.agent.wordpress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: {@code scripts/wp-test-env.sh} runs it to keep the whole WordPress stack up (agent, sandbox, test
 * databases, served sites) while the PHP or browser tests are run by hand against it. It writes one file of
 * {@code export} lines per run into {@code wp-bridge-plugin/build/test-env/} and waits until
 * {@code wp-bridge-plugin/build/test-env/running} is deleted (or for {@code caricomtr.wordpress.hold.minutes}).
 */
@ExtendWith(WordPressStackExtension.class)
class WordPressEnvironmentHold {

    @Test
    @EnabledIfSystemProperty(named = "caricomtr.wordpress.hold", matches = "true")
    void holdTheStackOpen(WordPressStackExtension.LazyStack lazy) throws Exception {
        ExternalTools.require("the WordPress test environment", "php", "phpunit");
        WordPressStack wp = lazy.get(true);
        Map<WordPressStack.Storage, WordPressStack.Site> sites = wp.servedSites();
        Path dir = wp.layout().build().resolve("test-env");
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        for (WordPressStack.Storage storage : WordPressStack.Storage.values()) {
            written.add(write(dir.resolve(storage.id + ".env"), wp.phpunitEnv(storage, true)));
        }
        written.add(write(dir.resolve("without-woocommerce.env"),
                wp.phpunitEnv(WordPressStack.Storage.LEGACY, false)));
        written.add(write(dir.resolve("browser.env"), BridgeBrowserTest.browserEnv(wp, sites)));
        Path running = dir.resolve("running");
        Files.writeString(running, ProcessHandle.current().pid() + "\n");
        System.out.println("""

                [wordpress] the stack is up: %s
                [wordpress] environment files: %s
                [wordpress] PHP tests:     (set -a; . %s; set +a; cd wp-bridge-plugin && phpunit --testsuite bridge)
                [wordpress] browser tests: (set -a; . %s; set +a; node wp-bridge-plugin/tests/browser/run.js)
                [wordpress] sites: %s (user %s, password %s)
                [wordpress] stop: rm %s
                """.formatted(wp.describe(), String.join(", ", written), dir.resolve("hpos.env"),
                dir.resolve("browser.env"), sites.values().stream().map(WordPressStack.Site::url).toList(),
                WordPressStack.ADMIN_USER, WordPressStack.ADMIN_PASSWORD, running));
        long minutes = Long.getLong("caricomtr.wordpress.hold.minutes", 240);
        long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        while (Files.exists(running) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Files.deleteIfExists(running);
    }

    private static String write(Path file, Map<String, String> env) throws Exception {
        StringBuilder out = new StringBuilder();
        env.forEach((name, value) -> out.append(name).append("='").append(value.replace("'", "'\\''"))
                .append("'\n"));
        Files.writeString(file, out);
        return file.toString();
    }
}
