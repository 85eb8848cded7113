package com.caricomtr.agent.sync.state;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The GRANT statements that give the agent's database account exactly what it needs, for docs and set-up tools.
 * The agent only reads WooCommerce's tables; it writes only its own ({@link StateTable}).
 */
public final class StateGrants {
    /** What the agent does to its own tables: Flyway creates and alters them, the stores read and write them. */
    public static final String OWN_TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX";
    private static final Pattern ACCOUNT = Pattern.compile("'[A-Za-z0-9_.-]{1,32}'@'[A-Za-z0-9_.%:-]{1,255}'");
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private StateGrants() {
    }

    /**
     * @param wordpressSchema the WordPress database
     * @param location        where the agent's tables are
     * @param account         e.g. {@code 'caricomtr'@'localhost'}
     */
    public static List<String> statements(String wordpressSchema, StateLocation location, String account) {
        if (wordpressSchema == null || !SCHEMA.matcher(wordpressSchema).matches()) {
            throw new IllegalArgumentException("WordPress schema must be letters, digits or '_', got '"
                    + wordpressSchema + "'");
        }
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account must look like 'user'@'host', got " + account);
        }
        List<String> grants = new ArrayList<>();
        grants.add("GRANT SELECT ON `" + wordpressSchema + "`.* TO " + account);
        if (location.separateSchema()) {
            grants.add("GRANT ALL PRIVILEGES ON `" + location.schema() + "`.* TO " + account);
            return grants;
        }
        // MySQL has no wildcards in table names, so each table is granted by name. Granting on a table that does
        // not exist yet is allowed when the privileges include CREATE, so this works before the first migration.
        for (StateTable table : StateTable.values()) {
            grants.add("GRANT " + OWN_TABLE_PRIVILEGES + " ON `" + wordpressSchema + "`.`"
                    + location.tableName(table) + "` TO " + account);
        }
        return grants;
    }
}
