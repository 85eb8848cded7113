package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.SharedFixtures;
import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our DDL against databases WooCommerce 9.9 created itself: every column (position, type, nullability, default,
 * extra, charset, collation), every index column (name, sequence, sub-part, uniqueness) and the table collation.
 */
class WooSchemaMatchesFixturesTest {
    private static DatabaseSettings ours;

    @BeforeAll
    static void createOurSchema() throws Exception {
        ours = TestDatabase.get().newDatabase("ddl");
        try (Connection c = TestDatabase.connect(ours)) {
            WooSchema.create(c, "wp_");
        }
    }

    static Stream<String> fixtures() {
        return SharedFixtures.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyTableWeDefineMatchesWooCommerce(String fixture) throws Exception {
        DatabaseSettings real = TestDatabase.get().fixture(fixture);
        List<String> differences = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        try (Connection woo = TestDatabase.connect(real); Connection mine = TestDatabase.connect(ours)) {
            for (String suffix : WooSchema.SINGLE_SITE_TABLES) {
                String table = "wp_" + suffix;
                if (!SchemaFacts.tableExists(woo, table)) {
                    continue;
                }
                compared.add(table);
                differences.addAll(SchemaFacts.read(woo, table).differencesFrom(SchemaFacts.read(mine, table)));
            }
        }
        assertThat(compared).as("tables compared in %s", fixture)
                .hasSameSizeAs(WooSchema.SINGLE_SITE_TABLES);
        assertThat(differences).as("differences between %s and our DDL", fixture).isEmpty();
    }

    /** The comparison above is only worth something if it notices a change; prove it on a deliberately altered copy. */
    @Test
    void comparisonNamesTableColumnAndProperty() throws Exception {
        DatabaseSettings altered = TestDatabase.get().newDatabase("ddl_altered");
        try (Connection c = TestDatabase.connect(altered); Statement s = c.createStatement()) {
            WooSchema.create(c, "wp_");
            s.execute("ALTER TABLE wp_options MODIFY autoload varchar(30) NOT NULL DEFAULT 'yes'");
            s.execute("ALTER TABLE wp_postmeta DROP INDEX meta_key, ADD INDEX meta_key (meta_key(100))");
            s.execute("ALTER TABLE wp_wc_orders ADD COLUMN extra_flag tinyint(1) DEFAULT NULL");
            List<String> differences = new ArrayList<>();
            try (Connection mine = TestDatabase.connect(ours)) {
                for (String table : List.of("wp_options", "wp_postmeta", "wp_wc_orders")) {
                    differences.addAll(SchemaFacts.read(mine, table).differencesFrom(SchemaFacts.read(c, table)));
                }
            }
            assertThat(differences).hasSize(3);
            assertThat(differences).contains(
                    "wp_options.autoload: column COLUMN_TYPE differs: WooCommerce has 'varchar(20)', ours has"
                            + " 'varchar(30)'",
                    "wp_postmeta.meta_key#1: index SUB_PART differs: WooCommerce has '191', ours has '100'");
            assertThat(differences)
                    .anySatisfy(d -> assertThat(d).startsWith("wp_wc_orders.extra_flag: column only in our DDL"));
        }
    }
}
