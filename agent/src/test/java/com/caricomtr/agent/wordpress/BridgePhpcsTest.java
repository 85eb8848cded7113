package com.caricomtr.agent.wordpress;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge plugin's coding standard ({@code wp-bridge-plugin/phpcs.xml.dist}: WordPress-Extra with the security
 * sniffs, PHPCompatibilityWP for PHP 7.4 and later) reports nothing: {@code bin/phpcs.sh}, which takes PHPCS and the
 * standards from {@code ../shared/wordpress} or fetches the same commits, exits with 0.
 */
class BridgePhpcsTest {

    @Test
    void thePluginMeetsItsCodingStandard() throws Exception {
        ExternalTools.require("PHPCS of the bridge plugin", "php");
        BridgeLayout layout = BridgeLayout.find();
        Exec.Result result = Exec.command("bash", layout.bin("phpcs.sh"), "--report=full", "--report-summary")
                .env("CARICOMTR_SHARED_DIR", layout.shared().toString()).timeout(Duration.ofMinutes(5))
                .log(layout.logs().resolve("phpcs.log")).run();
        System.out.printf("---- phpcs (%.1f s, exit %d) ----%n%s---- end of phpcs ----%n", result.seconds(),
                result.exitCode(), result.output());
        assertThat(result.exitCode()).as("phpcs found errors or warnings (report above, and in %s)", result.log())
                .isZero();
    }
}
