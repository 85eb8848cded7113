package com.caricomtr.agent;

import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's packages follow the data: woo reads WooCommerce, invoice maps, cari speaks the wire contract,
 * sync.state keeps the state, sync runs the queue, api serves the bridge; cli and Main wire them. A package may
 * depend only on packages at its own rank or below, and no packages depend on each other in a cycle, not even two
 * of one rank. Checked with ArchUnit on the compiled classes, so that a fully qualified name or a lambda's type
 * counts as much as an import.
 */
class PackageOrderTest {
    private static final String ROOT = "com.caricomtr.agent";
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("config", 0), Map.entry("json", 0), Map.entry("db", 0), Map.entry("woo", 1),
            Map.entry("woo.php", 1), Map.entry("demo", 2), Map.entry("invoice", 2), Map.entry("cari", 3),
            Map.entry("sync.state", 4), Map.entry("sync", 5), Map.entry("api", 6), Map.entry("cli", 7),
            Map.entry("", 8));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageHasARank() {
        Map<String, Long> unranked = new TreeMap<>();
        classes.forEach(c -> {
            String name = relative(c.getPackageName());
            if (!RANK.containsKey(name)) {
                unranked.merge(name, 1L, Long::sum);
            }
        });
        assertThat(unranked).as("packages without a rank in this test").isEmpty();
    }

    @Test
    void everyDependencyPointsDownTheDataFlow() {
        RANK.forEach((from, rank) -> {
            String[] higher = RANK.entrySet().stream().filter(e -> e.getValue() > rank)
                    .map(e -> exactly(e.getKey())).toArray(String[]::new);
            if (higher.length > 0) {
                noClasses().that().resideInAPackage(exactly(from))
                        .should().dependOnClassesThat().resideInAnyPackage(higher)
                        .because(from + " (rank " + rank + ") may depend only on packages of its rank or below")
                        .check(classes);
            }
        });
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /** The package itself, not its subpackages: {@code sync} is not {@code sync.state}. */
    private static String exactly(String relative) {
        return relative.isEmpty() ? ROOT : ROOT + "." + relative;
    }

    private static String relative(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }
}
