package com.caricomtr.agent.wordpress;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bridge plugin and its test installations live: the plugin in {@code wp-bridge-plugin/}, everything
 * installed or produced for its tests under {@code wp-bridge-plugin/build/} (git-ignored, kept between runs so that
 * nothing is unpacked twice), the shared tarballs in {@code ../shared/wordpress} next to the repository.
 */
record BridgeLayout(Path repository, Path plugin, Path build, Path shared) {

    static BridgeLayout find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("wp-bridge-plugin/cari-com-tr-integration-woocommerce.php"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("wp-bridge-plugin/ not found above " + Path.of("").toAbsolutePath());
        }
        Path plugin = dir.resolve("wp-bridge-plugin");
        String configured = System.getProperty("caricomtr.shared.dir");
        Path shared = configured != null ? Path.of(configured) : dir.resolve("../shared");
        return new BridgeLayout(dir, plugin, plugin.resolve("build"), shared.toAbsolutePath().normalize());
    }

    Path bin(String script) {
        return plugin.resolve("bin").resolve(script);
    }

    Path logs() {
        return build.resolve("logs");
    }

    /** WordPress core of the PHPUnit tests (WooCommerce and the plugin in its wp-content/plugins). */
    Path testsCore() {
        return build.resolve("tests/wordpress");
    }

    Path testsLibrary() {
        return build.resolve("tests/wordpress-tests-lib");
    }

    Path polyfills() {
        return build.resolve("tests/phpunit-polyfills");
    }

    /** The docroot of the served site in one storage. */
    Path site(String name) {
        return build.resolve("sites").resolve(name);
    }

    Path browserTests() {
        return plugin.resolve("tests/browser");
    }
}
