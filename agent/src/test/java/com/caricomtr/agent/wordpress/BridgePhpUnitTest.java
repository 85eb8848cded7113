package com.caricomtr.agent.wordpress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge plugin's PHPUnit tests ({@code wp-bridge-plugin/tests/phpunit}) inside a real WordPress with
 * WooCommerce, against a real agent process and the Cari sandbox ({@link WordPressStack}): once per order storage,
 * and once with WooCommerce inactive. Each run must pass, and run tests: {@code phpunit}'s exit code and its
 * summary line are asserted, and its output printed.
 */
@ExtendWith(WordPressStackExtension.class)
class BridgePhpUnitTest {

    enum Run {
        HPOS(WordPressStack.Storage.HPOS, true, "bridge"),
        LEGACY(WordPressStack.Storage.LEGACY, true, "bridge"),
        WITHOUT_WOOCOMMERCE(WordPressStack.Storage.LEGACY, false, "without-woocommerce");

        final WordPressStack.Storage storage;
        final boolean woocommerce;
        final String suite;

        Run(WordPressStack.Storage storage, boolean woocommerce, String suite) {
            this.storage = storage;
            this.woocommerce = woocommerce;
            this.suite = suite;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Run.class)
    void thePluginsPhpUnitTestsPassInsideWordPress(Run run, WordPressStackExtension.LazyStack lazy) throws Exception {
        ExternalTools.require("the bridge plugin's PHPUnit tests", "php", "phpunit");
        WordPressStack wp = lazy.get(true);
        Exec.Result result = wp.time("PHPUnit: " + run.name().toLowerCase().replace('_', ' ') + " (suite " + run.suite
                + ")", () -> wp.phpunitCommand(run.storage, run.woocommerce, run.suite, false).run());
        System.out.println("---- phpunit " + run + " (" + result.seconds() + " s, exit " + result.exitCode() + ") ----\n"
                + result.output() + "---- end of phpunit " + run + " ----");
        assertThat(result.exitCode()).as("phpunit's exit code for %s; output above and in %s", run, result.log())
                .isZero();
        assertThat(result.output()).as("phpunit ran tests, none skipped or incomplete").containsPattern(
                "\nOK \\(\\d+ tests?, \\d+ assertions?\\)");
    }
}
