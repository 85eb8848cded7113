package com.caricomtr.agent.wordpress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser tests ({@code wp-bridge-plugin/tests/browser}, Node with playwright-core driving Debian's Chromium)
 * against the two real sites of {@link WordPressStack}, served by {@code php -S}. Screenshots of every step are kept
 * in {@code wp-bridge-plugin/tests/browser/screenshots/}.
 */
@ExtendWith(WordPressStackExtension.class)
class BridgeBrowserTest {

    @Test
    void theAdminScreensWorkInABrowserOnASiteInEachStorage(WordPressStackExtension.LazyStack lazy) throws Exception {
        ExternalTools.require("the bridge plugin's browser tests", "php", "node");
        if (ExternalTools.chromium().isEmpty()) {
            ExternalTools.skip("the bridge plugin's browser tests: Chromium is not installed (on Debian: .ci/run"
                    + " installs chromium)");
        }
        BridgeLayout layout = BridgeLayout.find();
        Path tests = layout.browserTests();
        if (!Files.isDirectory(tests.resolve("node_modules/playwright-core"))) {
            // .ci/run installs it before the tests; on a developer's machine the test does it the first time.
            ExternalTools.require("the bridge plugin's browser tests (playwright-core is not installed)", "npm");
            Exec.Result npm = Exec.command("npm", "ci", "--no-audit", "--no-fund").dir(tests)
                    .timeout(Duration.ofMinutes(5)).log(layout.logs().resolve("npm-ci.log")).run();
            if (npm.exitCode() != 0) {
                ExternalTools.skip("the bridge plugin's browser tests: playwright-core is not installed and `npm ci`"
                        + " in " + tests + " failed (exit " + npm.exitCode() + ", see " + npm.log() + ")");
            }
        }
        WordPressStack wp = lazy.get(false);
        Map<WordPressStack.Storage, WordPressStack.Site> sites = wp.servedSites();
        Exec.Result result = wp.time("browser: node tests/browser/run.js", () -> Exec.command("node", "run.js")
                .dir(tests).env(browserEnv(wp, sites)).timeout(Duration.ofMinutes(5))
                .log(layout.logs().resolve("browser.log")).run());
        System.out.println("---- browser tests (" + result.seconds() + " s, exit " + result.exitCode() + ") ----\n"
                + result.output() + "---- end of browser tests ----");
        assertThat(result.exitCode()).as("the browser tests' exit code; output above, screenshots in %s",
                tests.resolve("screenshots")).isZero();
        for (WordPressStack.Site site : sites.values()) {
            Path debugLog = site.docroot().resolve("wp-content/debug.log");
            String pluginLines = Files.exists(debugLog) ? Files.readAllLines(debugLog).stream()
                    .filter(line -> line.contains("cari-com-tr-integration-woocommerce") || line.contains("Caricomtr"))
                    .collect(Collectors.joining("\n")) : "";
            assertThat(pluginLines).as("PHP errors, warnings or notices of the plugin in %s", debugLog).isEmpty();
        }
    }

    /** The browser tests' environment (see wp-bridge-plugin/tests/browser/run.js). */
    static Map<String, String> browserEnv(WordPressStack wp, Map<WordPressStack.Storage, WordPressStack.Site> sites) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CARICOMTR_BROWSER_SITES", sites.values().stream()
                .map(s -> "{\"name\":\"" + s.storage().id + "\",\"storage\":\"" + s.storage().id + "\",\"url\":\""
                        + s.url() + "\",\"site_id\":\"" + s.agentSite().id() + "\",\"firma_kodu\":\""
                        + s.agentSite().company().firmaKodu() + "\"}")
                .collect(Collectors.joining(",", "[", "]")));
        env.put("CARICOMTR_BROWSER_USER", WordPressStack.ADMIN_USER);
        env.put("CARICOMTR_BROWSER_PASSWORD", WordPressStack.ADMIN_PASSWORD);
        env.put("CARICOMTR_BROWSER_SCREENSHOTS", wp.layout().browserTests().resolve("screenshots").toString());
        env.put("CARICOMTR_AGENT_URL", wp.agentUrl());
        env.put("CARICOMTR_SANDBOX_URL", wp.sandbox().adminUrl());
        ExternalTools.chromium().ifPresent(c -> env.put("CARICOMTR_CHROMIUM", c.toString()));
        return env;
    }
}
